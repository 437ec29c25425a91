import type { Task } from '@lit/task';
import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, asApiError } from './api.js';
import { NgoElement } from './base.element.js';
import { NgoStaffStatusEvent } from './events.js';
import { formError, formStyles, statusRegion } from './forms.js';
import { t, type CoreKey, type ErrorLike, type Lang, type Vars } from './i18n/index.js';
import { guardStaff, type StaffSession } from './staff.api.js';
import { staffSectionStyles } from './staff-section.styles.js';
import { theme } from './theme.js';

/**
 * The staff-section kit: what every section of the staff panel `<ngo-admin>` (and every part of a
 * section) shares, so that a module's staff section is a matter of imports.
 *
 * - `StaffSection`: the session (set by the panel), 401 handling (`guard`: the panel shows its
 *   sign-in form again), one busy state for writes (`send`), the status line (`announce`), the
 *   action error (`actionErrorRegion`), focus after an action (`focusAfter`), and the pending,
 *   error-with-retry and empty states of a `Task` (`renderTask`).
 * - `StaffPart`: a part of a section (a queue, an editor, a list) as an element of its own, one job
 *   each. It renders into the section's shadow root (no shadow root of its own), so the section's
 *   styles, ids and `aria-*` references reach it, and its announcements go to the section's one
 *   live region.
 * - `TabsController` (`./staff-tabs.ts`): accessible tabs.
 * - `staffSectionStyles` (`./staff-section.styles.ts`): tables, tabs, boxes, rows, buttons.
 */

/** What the kit needs of a section's translator: the core keys and error messages (every `createTranslator` result fits). */
export interface SectionTranslator {
  (lang: Lang, key: CoreKey, vars?: Vars): string;
  error(lang: Lang, err: ErrorLike): string;
}

/** How `renderTask` shows a task's states. */
export interface TaskViewOptions<T> {
  /** The loaded value; not called for an empty one when `empty` is given. */
  complete: (value: T) => unknown;
  /** Shown instead of `complete` when the value is empty (null, an empty array, or `isEmpty`). */
  empty?: string;
  isEmpty?: (value: T) => boolean;
  /** Replaces the "Loading…" line (e.g. keep the previous content while reloading). */
  pending?: () => unknown;
}

const isEmptyValue = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/**
 * The one way to render a `@lit/task` `Task`: "Loading…" while pending, the error (in an alert) with
 * a retry button, an empty message, or the value. Usable outside staff sections too.
 */
export function renderTask<T>(task: Task<readonly unknown[], T>, lang: Lang, tr: SectionTranslator, o: TaskViewOptions<T>): unknown {
  const pending = o.pending ?? (() => html`<p class="loading" role="status">${tr(lang, 'loading')}</p>`);
  return task.render({
    // Before its first run (the element's first render) a task is as good as pending.
    initial: pending,
    pending,
    error: (err) => html`<p class="ngo-error" role="alert">${tr.error(lang, asApiError(err))}</p>
      <button type="button" class="retry" @click=${() => task.run()}>${tr(lang, 'retry')}</button>`,
    complete: (value) =>
      o.empty !== undefined && (o.isEmpty ? o.isEmpty(value) : isEmptyValue(value)) ? html`<p class="empty">${o.empty}</p>` : o.complete(value),
  });
}

/**
 * The panel's map settings (`<ngo-admin map-tiles map-boundaries>`), for a part that shows a map:
 * `<ngo-point-picker tiles=${s.tiles} boundaries=${s.boundaries}>` (`widgets/map/point-picker.ts`).
 * Empty strings: OpenStreetMap's tiles, and no district from the point.
 */
export interface StaffMapSettings {
  tiles: string;
  boundaries: string;
}

/** `send` answers this, without a request, while an earlier write is still running. */
export const BUSY = new ApiError(0, 'busy', 'An earlier write is still running');

/**
 * Base of a staff section: `<ngo-admin>` creates it and sets `apiBase`, `session` and `mapSettings`. Requests go
 * through the section's `*.api.ts` client (`staffRequest`), wrapped in `guard` or `send`.
 *
 * ```ts
 * export class NgoAdminEvents extends StaffSection {
 *   static override styles = [...StaffSection.styles, eventsAdminStyles];
 *   protected override tr = tEventsAdmin;
 *   private list = new Task(this, { args: () => [this.api] as const, task: ([base], { signal }) => this.guard(listEvents(base, signal)) });
 *   private async cancel(e: StaffEvent) {
 *     if (await this.send(() => cancelEvent(this.api, this.session, e.id))) return;   // the error shows, focused
 *     this.announce(this.tr(this.locale, 'cancelled', { title: e.title }));
 *     await this.list.run();
 *     await this.focusAfter(`[data-id="${e.id}"] button`, '#list-heading');
 *   }
 *   protected override render() {
 *     return html`<div class="ngo-root" part="base">${this.statusRegion()}${this.actionErrorRegion()}
 *       <h4 id="list-heading" tabindex="-1">…</h4>
 *       ${this.renderTask(this.list, { empty: this.tr(this.locale, 'list.empty'), complete: (items) => this.table(items) })}</div>`;
 *   }
 * }
 * ```
 *
 * @fires ngo-unauthorized - When the API answers 401, so the panel returns to its sign-in form.
 * @csspart status - The polite live region (where the section renders `statusRegion()`).
 */
export class StaffSection extends NgoElement {
  static override styles = [theme, formStyles, staffSectionStyles];

  static override properties: PropertyDeclarations = {
    session: { attribute: false },
    mapSettings: { attribute: false },
    itemId: { attribute: false },
    status: { state: true },
    actionError: { state: true },
    busy: { state: true },
  };

  /** Set by `<ngo-admin>` (and by a section on its parts): carries the CSRF token sent on every write. */
  declare session: StaffSession | null;
  /** Set by `<ngo-admin>` (and by a section on its parts that show a map): tiles and district outlines. */
  declare mapSettings: StaffMapSettings;
  /**
   * The item the panel's address names (`#<section>/<id>`: a staff mail's link, the audit log's), set by `<ngo-admin>`
   * (and by a section on the part that shows it). A section that can show one item opens it in `openItem`.
   */
  declare itemId: string | null;
  /** The message of the live region; set it with `announce`. */
  declare protected status: string;
  /** The error of the last failed write, shown by `actionErrorRegion`. */
  declare protected actionError: string;
  /** True while a write sent by `send` runs; buttons show `aria-disabled`. */
  declare protected busy: boolean;

  /** The section's translator (its own strings, then the core ones). */
  protected tr: SectionTranslator = t;

  constructor() {
    super();
    this.session = null;
    this.mapSettings = { tiles: '', boundaries: '' };
    this.itemId = null;
    this.status = '';
    this.actionError = '';
    this.busy = false;
    this.addEventListener('ngo-staff-status', this.onPartStatus);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('itemId') && this.itemId) this.openItem(this.itemId);
  }

  /** Opens the item `itemId` names (once set, before the next render); a section without items ignores it. */
  protected openItem(_id: string): void {}

  /** Passes `p` through; on a 401 fires `ngo-unauthorized`, so that the panel asks to sign in again. */
  protected guard<T>(p: Promise<T>): Promise<T> {
    return guardStaff(this, p);
  }

  /** Shows `message` in the live region: the containing section's, when this is one of its parts. */
  protected announce(message: string): void {
    if (this.dispatchEvent(new NgoStaffStatusEvent(message))) this.status = message;
  }

  private readonly onPartStatus = (e: NgoStaffStatusEvent) => {
    if (e.composedPath()[0] === this) return;
    e.preventDefault();
    e.stopPropagation();
    this.announce(e.detail.message);
  };

  /**
   * Runs a write with one busy state: "Sending…" (or `sending`) in the live region, then the error
   * in `actionErrorRegion`, focused, unless `quiet` (the caller shows it next to its fields).
   * Answers null when the write succeeded, else the error (`BUSY` while an earlier write runs).
   */
  protected async send(action: () => Promise<unknown>, o: { sending?: string; quiet?: boolean } = {}): Promise<ApiError | null> {
    if (this.busy) return BUSY;
    this.busy = true;
    this.actionError = '';
    this.announce(o.sending ?? this.tr(this.locale, 'status.sending'));
    try {
      await this.guard(action());
      return null;
    } catch (err) {
      const e = asApiError(err);
      this.announce('');
      if (!o.quiet) this.showError(e);
      return e;
    } finally {
      this.busy = false;
    }
  }

  /** Shows `err` in the action error region and moves focus there. */
  protected showError(err: ErrorLike): void {
    this.actionError = this.tr.error(this.locale, err);
    void this.focusAfter('#action-error');
  }

  /** The tree the section's ids live in: its shadow root (for a part, the shadow root of its section). */
  protected get root(): ShadowRoot | Document | HTMLElement {
    return this.renderRoot instanceof ShadowRoot ? this.renderRoot : (this.getRootNode() as ShadowRoot | Document);
  }

  /** Waits for this element's next render and that of the parts inside it. */
  protected async settled(): Promise<void> {
    await this.updateComplete;
    const parts = [...this.renderRoot.querySelectorAll('*')].filter((el): el is StaffSection => el instanceof StaffSection && el !== this);
    await Promise.all(parts.map((p) => p.settled()));
  }

  private focusRequest = 0;

  /**
   * After the next render (of this element and its parts), focuses the first of `selectors` that
   * matches. A later call wins: an earlier one still waiting for its render moves nothing.
   */
  protected async focusAfter(...selectors: string[]): Promise<boolean> {
    const request = ++this.focusRequest;
    await this.settled();
    if (request !== this.focusRequest) return false;
    for (const s of selectors) {
      const el = this.root.querySelector<HTMLElement>(s);
      if (el) {
        el.focus();
        return true;
      }
    }
    return false;
  }

  /** Waits until `task` has run with the arguments of the next render (e.g. a list reloaded after a change). */
  protected async afterRun(task: Task<readonly unknown[], unknown>): Promise<void> {
    await this.updateComplete;
    await task.taskComplete.catch(() => undefined);
  }

  /** The polite live region; a section renders it once, from the start. */
  protected statusRegion(): TemplateResult {
    return statusRegion(this.status);
  }

  /** The alert line of the last failed write (`#action-error`, focusable). */
  protected actionErrorRegion(): TemplateResult {
    return formError(this.actionError, 'action-error');
  }

  /** `aria-disabled` of a button that sends a write. */
  protected get disabled(): 'true' | 'false' {
    return this.busy ? 'true' : 'false';
  }

  /** A task's states in this section's language (see `renderTask`). */
  protected renderTask<T>(task: Task<readonly unknown[], T>, o: TaskViewOptions<T>): unknown {
    return renderTask(task, this.locale, this.tr, o);
  }
}

/**
 * A part of a staff section: an element of its own with one job (a queue, an editor, a list),
 * rendered by the section. It has no shadow root: it renders into the section's, so the section's
 * styles and ids apply, and `announce` reaches the section's live region. Its tag is
 * `ngo-admin-<section>-<part>`, defined by the section's file.
 */
export class StaffPart extends StaffSection {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A block of the section's layout (`staffSectionStyles`), not an inline box around one.
    this.classList.add('ngo-part');
  }
}
