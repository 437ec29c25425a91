import type { LitElement, ReactiveController } from 'lit';

/** Field → dictionary key of its error. */
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

export interface FormStateOptions<D> {
  /** Client-side checks, the same rules as the server's schema: field → error key. */
  validate(values: D): FieldErrors<keyof D & string>;
  /**
   * Where the draft is kept when the form closes and across reloads: `widget/form/subject`
   * (`ngo-consultation/remark/<id>/<unit>`); `null` keeps none (staff forms). Never put a secret
   * (a link's token) in it.
   */
  storageKey?: () => string | null;
  /** Kept in this page's memory only, never in the browser's storage: the person's own name and e-mail. */
  memoryOnly?: readonly (keyof D & string)[];
  /** Never kept in a draft: the consent, which is given anew for each sending. */
  notKept?: readonly (keyof D & string)[];
}

/** What the person chose when asked before closing a form they typed in. */
export type CloseAnswer = 'back' | 'keep' | 'discard';

interface Kept {
  savedAt: number;
  values: Record<string, unknown>;
}

const PREFIX = 'ngo-draft:';
/** Drafts older than this are dropped when read. */
const MAX_AGE_MS = 30 * 86_400_000;
/** Drafts of this page, with the fields that never go to the browser's storage. */
const memory = new Map<string, Kept>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked (sandboxed iframe, privacy settings): drafts live in memory only
  }
}

function readKept(key: string): Kept | undefined {
  const inMemory = memory.get(key);
  if (inMemory) return inMemory;
  const store = storage();
  try {
    const raw = store?.getItem(PREFIX + key);
    const kept = raw ? (JSON.parse(raw) as Kept) : undefined;
    if (kept && typeof kept.savedAt === 'number' && kept.values && typeof kept.values === 'object' && Date.now() - kept.savedAt < MAX_AGE_MS) return kept;
    if (raw) store?.removeItem(PREFIX + key);
  } catch {
    store?.removeItem(PREFIX + key);
  }
  return undefined;
}

/** Forgets every kept draft of the widgets on this device (a host may call it when a person signs out of a shared computer). */
export function forgetDrafts(): void {
  memory.clear();
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const sameType = (a: unknown, b: unknown) => typeof a === typeof b && Array.isArray(a) === Array.isArray(b);

/**
 * What a person types into a form, and never losing it: the values and the field errors, the
 * draft kept when the form closes, across reloads and after a failed sending (in memory, and in
 * `localStorage` without `memoryOnly` fields), and the question asked before a form that was typed
 * into closes.
 *
 * ```ts
 * private form = new FormState<Draft>(this, { validate: (d) => validateDraft(d), storageKey: () => `ngo-x/${this.id}`, memoryOnly: ['contactName', 'contactEmail'], notKept: ['consent'] });
 * this.form.start(emptyDraft());         // when the form opens; a kept draft comes back over it
 * this.form.set('name', value);          // on input: saves the draft, clears the field's error once valid
 * if (!this.form.check()) return;        // on submit: every error shown
 * this.form.forget();                    // after a successful sending
 * this.form.requestClose(() => close()); // Cancel, Escape: asks first when the form was typed into
 * ```
 * An error disappears as soon as its field is valid: client errors on every change, the server's
 * (`showServerErrors`) when their own field changes.
 */
export class FormState<D extends object> implements ReactiveController {
  values: D = {} as D;
  errors: FieldErrors<keyof D & string> = {};
  /** When the draft that came back was saved (ms since the epoch), or 0. */
  restoredAt = 0;
  /** Set while the "discard typed text?" question is open. */
  closing: ((answer: CloseAnswer) => void) | null = null;
  private initial: D = {} as D;
  private key: string | null = null;
  private fromServer = new Set<string>();
  private focusBack: HTMLElement | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly o: FormStateOptions<D>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the question as a modal dialog (`discardDialog()` renders it) once it is in the DOM. */
  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.ngo-discard');
    if (this.closing && dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-answer="back"]')?.focus();
    }
  }

  /** Starts the form from `initial`; a kept draft of the same key comes back over it. */
  start(initial: D): void {
    this.initial = initial;
    this.key = this.o.storageKey?.() ?? null;
    this.errors = {};
    this.fromServer.clear();
    this.closing = null;
    const kept = this.key ? readKept(this.key) : undefined;
    const values: Record<string, unknown> = { ...(initial as Record<string, unknown>) };
    for (const [k, v] of Object.entries(kept?.values ?? {})) if (k in values && sameType(v, values[k])) values[k] = v;
    this.values = values as D;
    this.restoredAt = kept && this.dirty ? kept.savedAt : 0;
    this.host.requestUpdate();
  }

  /** True when the person changed something that is kept (the consent tick alone is not typed work). */
  get dirty(): boolean {
    const notKept = this.o.notKept ?? [];
    return (Object.keys(this.initial) as (keyof D & string)[]).some((k) => !notKept.includes(k) && !same(this.values[k], this.initial[k]));
  }

  set<K extends keyof D & string>(key: K, value: D[K]): void {
    this.values = { ...this.values, [key]: value };
    const now = this.o.validate(this.values);
    const errors: FieldErrors<keyof D & string> = {};
    for (const [field, error] of Object.entries(this.errors) as [keyof D & string, string][]) {
      // A client error follows the rules as the person types; the server's stays until its own field changes to a valid value.
      if (this.fromServer.has(field)) {
        if (field !== key || now[field]) errors[field] = error;
        else this.fromServer.delete(field);
      } else if (now[field]) errors[field] = now[field];
    }
    this.errors = errors;
    this.save();
    this.host.requestUpdate();
  }

  /** Checks every field, shows the errors and says whether there is none. */
  check(): boolean {
    this.errors = this.o.validate(this.values);
    this.fromServer.clear();
    this.host.requestUpdate();
    return Object.keys(this.errors).length === 0;
  }

  /** The server's field errors (a 422), shown until the field is changed to a valid value. */
  showServerErrors(errors: FieldErrors<keyof D & string>): void {
    this.errors = errors;
    this.fromServer = new Set(Object.keys(errors));
    this.host.requestUpdate();
  }

  /** Forgets the kept draft: after a successful sending, or when the person discards it. */
  forget(): void {
    this.restoredAt = 0;
    if (!this.key) return;
    memory.delete(this.key);
    storage()?.removeItem(PREFIX + this.key);
  }

  /** Resolves after the host rendered the latest change (to move focus into what it shows). */
  updated(): Promise<unknown> {
    return this.host.updateComplete;
  }

  /** Empties the form to where it started, and forgets the draft ("Clear the form"). */
  reset(): void {
    this.forget();
    this.values = this.initial;
    this.errors = {};
    this.fromServer.clear();
    this.host.requestUpdate();
  }

  /**
   * Closes the form with `close()`, asking first when it was typed into: "back to the form",
   * "close and keep the draft", or "discard the text". Focus goes back where it was on "back".
   */
  requestClose(close: () => void): void {
    if (this.closing) return;
    if (!this.dirty) {
      close();
      return;
    }
    this.focusBack = deepActiveElement();
    this.closing = (answer) => {
      this.closing = null;
      this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.ngo-discard')?.close();
      this.host.requestUpdate();
      if (answer === 'back') {
        const back = this.focusBack;
        void this.host.updateComplete.then(() => back?.focus());
        return;
      }
      if (answer === 'discard') this.reset();
      close();
    };
    this.host.requestUpdate();
  }

  private save(): void {
    if (!this.key) return;
    if (!this.dirty) {
      this.forget();
      return;
    }
    const notKept = this.o.notKept ?? [];
    const memoryOnly = this.o.memoryOnly ?? [];
    const values = Object.fromEntries(Object.entries(this.values).filter(([k]) => !notKept.includes(k as keyof D & string)));
    const kept: Kept = { savedAt: Date.now(), values };
    memory.set(this.key, kept);
    const stored = { savedAt: kept.savedAt, values: Object.fromEntries(Object.entries(values).filter(([k]) => !memoryOnly.includes(k as keyof D & string))) };
    try {
      storage()?.setItem(PREFIX + this.key, JSON.stringify(stored));
    } catch {
      // Full or blocked: the draft stays in memory for this page.
    }
  }
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}
