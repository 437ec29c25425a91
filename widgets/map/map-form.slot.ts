import { html, type TemplateResult } from 'lit';
import type { Lang } from '../core/i18n/index.js';
import type { Organisation } from './map.api.js';

export type FormMode = 'create' | 'correction' | 'owner' | 'confirm';

/** What `<ngo-map>` opens its form with (map.form-slot.ts). */
export interface FormContext {
  mode: FormMode;
  api: string;
  headingLevel: number;
  tiles: string;
  boundaries: string;
  /** The entry whose details are open (a correction is about it). */
  selected: Organisation | null;
  /** The e-mailed tokens: an owner's edit link, a submission's confirmation link. */
  edit: string;
  confirm: string;
  cancel(): void;
}

/** `<ngo-map-form>` as `<ngo-map>` shows it in place of its list and map. */
export function mapFormTemplate(lang: Lang, c: FormContext): TemplateResult {
  const o = c.selected;
  const initial = c.mode === 'correction' && o ? toInput(o) : undefined;
  return html`<ngo-map-form
    tabindex="-1"
    lang=${lang}
    api-base=${c.api}
    heading-level=${c.headingLevel}
    tiles=${c.tiles}
    boundaries=${c.boundaries}
    mode=${c.mode}
    .initial=${initial}
    organisation-id=${c.mode === 'correction' && o ? o.id : ''}
    token=${c.mode === 'owner' ? c.edit : c.mode === 'confirm' ? c.confirm : ''}
    @ngo-cancel=${() => c.cancel()}
  ></ngo-map-form>`;
}

/** The public entry as the form's input shape, to prefill a correction. */
function toInput(o: Organisation) {
  const { id: _id, verifiedAt: _v, updatedAt: _u, ...rest } = o;
  return rest;
}
