import type { TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { tFormKit } from '../core/form.i18n.js';
import type { CoreKey, Lang } from '../core/i18n/index.js';
import { tForm, type MapFormKey } from './map-form.i18n.js';
import type { MapFormMode } from './map-form.model.js';

/** The map form's views that are not the form: an e-mailed link's confirmation, its failures, and the outcome once sent. */

/** What the panels render with (`<ngo-map-form>`). */
export interface PanelUi {
  lang: Lang;
  /** The panel's title at the form's heading level. */
  title(text: string): TemplateResult;
  /** A button that closes the form (asking first when it was typed into). */
  closeButton(label: MapFormKey): TemplateResult;
}

const t = (ui: PanelUi, key: MapFormKey | CoreKey, vars?: Record<string, string | number>) => tForm(ui.lang, key, vars);

export function messagePanel(ui: PanelUi, heading: string, text: string): TemplateResult {
  return html`<div class="panel" part="panel">
    ${ui.title(heading)}
    <p>${text}</p>
    <div class="ngo-actions">${ui.closeButton('mapForm.close')}</div>
  </div>`;
}

/** An e-mailed link that no longer works, or that arrived cut short. */
export function linkPanel(ui: PanelUi, link: 'invalid' | 'incomplete'): TemplateResult {
  return link === 'invalid'
    ? messagePanel(ui, t(ui, 'error.link_invalid'), t(ui, 'mapForm.link_help'))
    : messagePanel(ui, tFormKit(ui.lang, 'form.link.incomplete'), tFormKit(ui.lang, 'form.link.incomplete_help'));
}

/** What was done: sent for review (with the address the link went to), confirmed, verified or saved. */
export function donePanel(ui: PanelUi, mode: MapFormMode, o: { email: string; result: string }): TemplateResult {
  if (mode === 'create' || mode === 'correction') return messagePanel(ui, t(ui, 'mapForm.done.create'), t(ui, 'mapForm.done.create_text', { email: o.email }));
  if (mode === 'staff') return messagePanel(ui, t(ui, 'mapForm.done.saved'), t(ui, 'mapForm.done.saved_text'));
  const text = mode === 'confirm' ? 'mapForm.done.confirmed' : o.result === 'verified' ? 'mapForm.done.verified' : 'mapForm.done.pending';
  return messagePanel(ui, t(ui, 'mapForm.done.thanks'), t(ui, text));
}
