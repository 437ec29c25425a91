import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What the tabs need of their element: a Lit host with a render root to find the tabs in. */
type TabsHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface TabsOptions<T extends string> {
  tabs: readonly T[];
  /** The tab open at first (default: the first). */
  initial?: T;
  /** Called when another tab opens, before the render: reset what belonged to the old tab. */
  onChange?: (tab: T) => void;
}

/**
 * Accessible tabs (WAI-ARIA tabs pattern, automatic activation), part of the staff-section kit:
 * a `tablist` whose tabs carry `aria-selected` and `aria-controls`, a roving tabindex (only the open
 * tab is in the tab order), arrow keys to move between tabs, Home and End for the first and last;
 * and one `tabpanel` per tab, labelled by its tab, of which only the open one renders its content.
 * Ids are `tab-<id>` and `panel-<id>`.
 *
 * ```ts
 * private tabs = new TabsController(this, { tabs: ['queue', 'entries'] as const, onChange: () => this.announce('') });
 * render() {
 *   return this.tabs.render(t(lang, 'nav'), (id) => t(lang, `tab.${id}`), (id) => (id === 'queue' ? this.renderQueue() : this.renderEntries()));
 * }
 * ```
 */
export class TabsController<T extends string> implements ReactiveController {
  #selected: T;
  /** The item the panel's address names (`#<section>/<id>`) and the tab showing it. */
  #linked: { tab: T; id: string } | null = null;

  constructor(
    private readonly host: TabsHost,
    private readonly o: TabsOptions<T>,
  ) {
    this.#selected = o.initial ?? o.tabs[0]!;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The open tab. */
  get selected(): T {
    return this.#selected;
  }

  /** Opens `tab` (no change when it is open); with `focus`, moves focus to it after the render. */
  select(tab: T, focus = false): void {
    if (tab !== this.#selected) {
      this.#selected = tab;
      if (this.#linked?.tab !== tab) this.#linked = null;
      this.o.onChange?.(tab);
      this.host.requestUpdate();
    }
    if (focus) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  /**
   * Opens `tab` to show the item `id` the panel's address names (`#<section>/<id>`): the tab's part
   * takes it from `linkedIn(tab)`, which answers it until another tab opens.
   */
  link(tab: T, id: string): void {
    this.#linked = { tab, id };
    this.select(tab);
    this.host.requestUpdate();
  }

  /** The linked item's id while `tab` is the one showing it, else null. */
  linkedIn(tab: T): string | null {
    return this.#linked?.tab === tab ? this.#linked.id : null;
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const tabs = this.o.tabs;
    const i = tabs.indexOf(this.#selected);
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1 + tabs.length, Home: 0, End: tabs.length - 1 };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.select(tabs[next % tabs.length]!, true);
  };

  /** The tab list, labelled `label`, with each tab's `text`. */
  renderTabs(label: string, text: (tab: T) => string): TemplateResult {
    const current = this.#selected;
    return html`<div role="tablist" part="tabs" aria-label=${label} @keydown=${this.onKey}>
      ${this.o.tabs.map(
        (id) => html`<button type="button" role="tab" id="tab-${id}" aria-controls="panel-${id}" aria-selected=${id === current ? 'true' : 'false'}
          tabindex=${id === current ? '0' : '-1'} @click=${() => this.select(id)}>${text(id)}</button>`,
      )}
    </div>`;
  }

  /** One panel per tab; only the open one renders `content`. */
  renderPanels(content: (tab: T) => unknown): TemplateResult {
    const current = this.#selected;
    return html`${this.o.tabs.map(
      (id) => html`<div class="panel" role="tabpanel" id="panel-${id}" aria-labelledby="tab-${id}" ?hidden=${id !== current}>
        ${id === current ? content(id) : nothing}
      </div>`,
    )}`;
  }
}
