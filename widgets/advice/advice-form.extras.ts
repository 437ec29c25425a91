import { nothing, type TemplateResult } from 'lit';
import { html, type StaticValue } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { field } from '../core/forms.js';
import { formatDateTime, type Lang } from '../core/i18n/index.js';
import type { Accepted, Slot } from './advice.api.js';
import { slotText } from './advice.format.js';
import type { AdviceKey } from './advice.i18n.js';

/*
 * The parts of <ngo-advice-form> that show only once the person is filling it in: the meeting slot
 * (once a topic is chosen), the guide articles and trainings matching the question, and the
 * confirmation with the case number and the attachments sent. The element loads this chunk on the
 * first focus in the form, or as soon as a topic is preselected, so a page that only shows the
 * form pays for none of it. Templates of the form's own shadow root; the element keeps the state.
 */

type Tr = (key: AdviceKey, vars?: Record<string, string | number>) => string;

export interface Related {
  guide: { slug: string; title: string }[];
  trainings: { id: string; title: string; startsAt: string }[];
}

export interface Done {
  accepted: Accepted;
  email: string;
  uploaded: number;
  failed: { name: string; reason: string }[];
}

/** "You may find these useful": guide articles (linked through `guideUrl`'s `{slug}` when given) and upcoming trainings. */
export function relatedView(lang: Lang, tr: Tr, r: Related, h: StaticValue, guideUrl: string): TemplateResult {
  const link = (slug: string) => (guideUrl ? guideUrl.replace('{slug}', encodeURIComponent(slug)) : '');
  return html`<aside class="related" aria-labelledby="related-title">
      <${h} id="related-title">${tr('advice.related.title')}</${h}>
      ${r.guide.length ? html`<p class="ngo-label">${tr('advice.related.guide')}</p><ul>${r.guide.map((g) => html`<li>${link(g.slug) ? html`<a href=${link(g.slug)} target="_blank" rel="noopener">${g.title}</a>` : g.title}</li>`)}</ul>` : nothing}
      ${r.trainings.length ? html`<p class="ngo-label">${tr('advice.related.trainings')}</p><ul>${r.trainings.map((e) => html`<li>${e.title} (${formatDateTime(lang, e.startsAt)})</li>`)}</ul>` : nothing}
    </aside>`;
}

/** The optional meeting slot (`#slotId`): the topic's free slots, or a hint that there are none. */
export function slotField(lang: Lang, tr: Tr, slots: readonly Slot[], chosen: string, error: string | undefined, onChange: (slotId: string) => void): TemplateResult {
  return field({ id: 'slotId', label: tr('advice.slot.legend'), hint: slots.length ? undefined : tr('advice.slot.empty'), error }, (a) => html`<select id=${a.id} aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!chosen}>${tr('advice.slot.none_option')}</option>
      ${slots.map((s) => html`<option value=${s.id} ?selected=${chosen === s.id}>${slotText(lang, s)}</option>`)}
    </select>`);
}

/** The confirmation (`#done`, focused by the element): the case number, the mail, the booking and the attachments. */
export function doneView(lang: Lang, tr: Tr, d: Done, h: StaticValue, onAgain: () => void): TemplateResult {
  return html`<section class="done" aria-labelledby="done">
      <${h} id="done" tabindex="-1">${tr('advice.sent.title')}</${h}>
      <p class="number">${tr('advice.sent.number', { number: d.accepted.number })}</p>
      <p>${tr('advice.sent.mail', { email: d.email })}</p>
      ${d.accepted.booking ? html`<p>${tr('advice.sent.booking', { when: slotText(lang, d.accepted.booking) })}</p>` : nothing}
      ${d.uploaded ? html`<p>${tr('advice.sent.files', { count: d.uploaded })}</p>` : nothing}
      ${d.failed.map((f) => html`<p class="ngo-error">${tr('advice.sent.file_failed', f)}</p>`)}
      <div class="ngo-actions"><button type="button" class="ngo-secondary" @click=${onAgain}>${tr('advice.sent.another')}</button></div>
    </section>`;
}
