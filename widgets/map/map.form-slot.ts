import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Lang } from '../core/i18n/index.js';
import type { FormContext, FormMode, mapFormTemplate } from './map-form.slot.js';

export type { FormMode };

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * `<ngo-map>`'s forms (`<ngo-map-form>`, map-form.ts, loaded when one first opens) in place of the
 * list and map: add an organisation, suggest a correction of the open one, an owner's edit, the
 * confirmation. Opening focuses the form; closing returns focus to "Add your organisation".
 */
export class FormSlot {
  mode: FormMode | null = null;
  readonly #host: Host;
  #template?: typeof mapFormTemplate;

  constructor(host: Host) {
    this.#host = host;
  }

  async open(mode: FormMode): Promise<void> {
    this.set(mode);
    try {
      this.#template = (await import('./map-form.js')).mapFormTemplate;
      this.#host.requestUpdate();
    } catch (err) {
      console.warn('[ngo] <ngo-map>: the form could not be loaded:', err);
    }
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('ngo-map-form')?.focus();
  }

  close(): void {
    this.set(null);
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('.add')?.focus());
  }

  /** Shows `mode`'s form, or none (null), without moving focus. */
  set(mode: FormMode | null): void {
    this.mode = mode;
    this.#host.requestUpdate();
  }

  /** The open form, once its code is there. */
  render(lang: Lang, c: Omit<FormContext, 'mode' | 'cancel'>): TemplateResult | typeof nothing {
    return this.mode && this.#template ? this.#template(lang, { ...c, mode: this.mode, cancel: () => this.close() }) : nothing;
  }
}
