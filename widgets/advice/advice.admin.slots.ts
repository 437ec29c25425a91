import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { SLOT_MODE_LABELS, SLOT_MODES, type SlotMode } from '../../common/advice.js';
import { field } from '../core/forms.js';
import { formatNumber, type Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { addSlot, cancelSlotBooking, exportUrl, getStats, listSlots, removeSlot, type AdviceStats, type StaffSlotView } from './advice.admin.api.js';
import { tAdviceAdmin as tr, type AdviceAdminKey } from './advice.admin.i18n.js';
import { slotWhen } from './advice.format.js';
import { warsawLocalToUtc } from '../../common/time.js';

/** The adviser's availability: their slots with bookings, a new slot, withdrawing one or cancelling its meeting. A part of `ngo-admin-advice`. */
export class NgoAdminAdviceSlots extends StaffPart {
  protected override tr = tr;
  static override properties: PropertyDeclarations = { ...StaffPart.properties, mode: { state: true } };
  declare private mode: SlotMode;
  private draft = { start: '', end: '', address: '', url: '' };

  constructor() {
    super();
    this.mode = 'in_person';
  }

  private slots = new Task(this, { args: () => [this.api] as const, task: ([base], { signal }) => this.guard(listSlots(base, signal)).then((r) => r.items) });

  private t(key: AdviceAdminKey, vars?: Record<string, string | number>) {
    return tr(this.locale, key, vars);
  }

  private async done(message: string, focus: string): Promise<void> {
    this.announce(message);
    await this.slots.run();
    await this.focusAfter(focus, '#slots-heading');
  }

  private async add(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const d = this.draft;
    if (!d.start || !d.end) return;
    const body = { startsAt: warsawLocalToUtc(d.start), endsAt: warsawLocalToUtc(d.end), mode: this.mode, address: d.address, onlineUrl: d.url, topicId: '' };
    if (await this.send(() => addSlot(this.api, this.session, body))) return;
    (e.target as HTMLFormElement).reset();
    this.draft = { start: '', end: '', address: '', url: '' };
    await this.done(this.t('adm.slots.added'), '#slots-heading');
  }

  protected override render(): TemplateResult {
    const lang = this.locale;
    const input = (id: string, label: string, key: keyof typeof this.draft, type = 'datetime-local') =>
      field({ id, label }, (a) => html`<input id=${a.id} type=${type} @input=${(e: Event) => (this.draft[key] = (e.target as HTMLInputElement).value)} />`);
    return html`${this.actionErrorRegion()}
      <h4 id="slots-heading" tabindex="-1">${this.t('adm.slots.heading')}</h4>
      ${this.renderTask(this.slots, { empty: this.t('adm.slots.empty'), complete: (items) => this.list(lang, items) })}
      <form class="box" @submit=${(e: SubmitEvent) => this.add(e)}>
        <h5>${this.t('adm.slots.add')}</h5>
        <div class="row">${input('slot-start', this.t('adm.slots.start'), 'start')} ${input('slot-end', this.t('adm.slots.end'), 'end')}</div>
        ${field({ id: 'slot-mode', label: this.t('adm.slots.mode') }, (a) => html`<select id=${a.id} @change=${(e: Event) => (this.mode = (e.target as HTMLSelectElement).value as SlotMode)}>${SLOT_MODES.map((m) => html`<option value=${m} ?selected=${this.mode === m}>${SLOT_MODE_LABELS[m][lang]}</option>`)}</select>`)}
        ${this.mode === 'in_person' ? input('slot-address', this.t('adm.slots.address'), 'address', 'text') : input('slot-url', this.t('adm.slots.url'), 'url', 'url')}
        <button type="submit" aria-disabled=${this.disabled}>${this.t('adm.slots.add')}</button>
      </form>`;
  }

  private list(lang: Lang, items: StaffSlotView[]): TemplateResult {
    const s = this.session;
    return html`<ul>${items.map((x) => html`<li data-id=${x.id}>
      ${slotWhen(lang, x)}, ${SLOT_MODE_LABELS[x.mode][lang]}${x.address ? `: ${x.address}` : ''} — ${x.booking ? this.t('adm.slots.booked', { number: x.booking.number }) : this.t('adm.slots.free')}
      ${x.booking
        ? html`<button type="button" class="link" aria-disabled=${this.disabled} @click=${async () => (await this.send(() => cancelSlotBooking(this.api, s, x.id))) || this.done(this.t('adm.slots.cancelled'), `[data-id="${x.id}"] button`)}>${this.t('adm.slots.cancel')}</button>`
        : html`<button type="button" class="link danger" aria-disabled=${this.disabled} @click=${async () => (await this.send(() => removeSlot(this.api, s, x.id))) || this.done(this.t('adm.slots.removed'), '#slots-heading')}>${this.t('adm.slots.remove')}</button>`}
    </li>`)}</ul>`;
  }
}

/** Statistics by topic, month, kind of organisation and district, and the anonymised export. A part of `ngo-admin-advice`. */
export class NgoAdminAdviceStats extends StaffPart {
  protected override tr = tr;
  private stats = new Task(this, { args: () => [this.api] as const, task: ([base], { signal }) => this.guard(getStats(base, signal)) });

  protected override render(): TemplateResult {
    const lang = this.locale;
    const t = (k: AdviceAdminKey) => tr(lang, k);
    return html`<h4 id="stats-heading" tabindex="-1">${t('adm.stats.heading')}</h4>
      <p><a href=${exportUrl(this.api, 'csv')} download>${t('adm.export.csv')}</a> · <a href=${exportUrl(this.api, 'xlsx')} download>${t('adm.export.xlsx')}</a></p>
      ${this.renderTask(this.stats, { complete: (s) => html`${this.table(lang, t('adm.stats.total'), [s.total])} ${this.table(lang, t('adm.stats.by.topic'), s.byTopic)} ${this.table(lang, t('adm.stats.by.month'), s.byMonth)} ${this.table(lang, t('adm.stats.by.kind'), s.byKind)} ${this.table(lang, t('adm.stats.by.district'), s.byDistrict)}` })}`;
  }

  private table(lang: Lang, caption: string, rows: AdviceStats['byTopic']): TemplateResult | typeof nothing {
    if (!rows.length) return nothing;
    const n = (v: number | null) => (v === null ? '—' : formatNumber(lang, v));
    const t = (k: AdviceAdminKey) => tr(lang, k);
    return html`<div class="table-wrap"><table>
      <caption>${caption}</caption>
      <thead><tr><th scope="col">${t('adm.stats.key')}</th><th scope="col">${t('adm.stats.count')}</th><th scope="col">${t('adm.stats.closed')}</th><th scope="col">${t('adm.stats.first')}</th><th scope="col">${t('adm.stats.close')}</th><th scope="col">${t('adm.stats.satisfaction')}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r.key === 'total' ? t('adm.stats.total') : r.key}</th><td>${n(r.count)}</td><td>${n(r.closed)}</td><td>${n(r.avgFirstResponseHours)}</td><td>${n(r.avgCloseHours)}</td><td>${n(r.avgSatisfaction)}</td></tr>`)}</tbody>
    </table></div>`;
  }
}
