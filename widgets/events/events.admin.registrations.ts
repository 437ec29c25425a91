import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ACCESS_NEED_LABELS } from '../../common/events.js';
import { field } from '../core/forms.js';
import { formatTime, type Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { cancelRegistration, checkIn, exportUrl, issueCertificates, listRegistrations, undoCheckIn, type Registration, type Registrations, type StaffEvent } from './events.admin.api.js';
import { tEventsAdmin as t } from './events.admin.i18n.js';
import { needsText } from './events.admin.list.js';
import { whenText } from './events.when.js';
import { labelIn } from '../../common/i18n.js';
import type { Question } from '../../common/events.schema.js';

/** A registrant's answers to the questions asked now, one `Question: answer` each (an option by its label). */
export function answerLines(lang: Lang, questions: readonly Question[], answers: Record<string, unknown>): string[] {
  const option = (q: Question, id: unknown) => labelIn(q.options.find((o) => o.id === id)?.label, lang) || t(lang, 'reg.answer.removed');
  return questions.flatMap((q) => {
    const v = answers[q.id];
    if (v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && !v.length)) return [];
    const text = q.kind === 'boolean' ? t(lang, 'reg.answer.yes') : Array.isArray(v) ? v.map((x) => option(q, x)).join(', ') : q.kind === 'choice' ? option(q, v) : String(v);
    return [`${labelIn(q.label, lang)}: ${text}`];
  });
}

/** The browser's barcode reader (Chromium on Android and others); not in every browser, nor in TypeScript's DOM types. */
interface BarcodeReader {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeReaderClass = new (o: { formats: string[] }) => BarcodeReader;
const barcodeReader = (): BarcodeReaderClass | undefined => (globalThis as unknown as { BarcodeDetector?: BarcodeReaderClass }).BarcodeDetector;

const row = (id: string) => `[data-reg="${CSS.escape(id)}"]`;

/**
 * Part "registrations" of the events section, for one event: the counts and the access needs
 * ("2 osoby: Tłumacz PJM") to prepare for, the list in queue order with check-in per person (from
 * the list, or by the QR code's check-in code: scanned with the camera where the browser reads
 * barcodes, else typed), a registration cancelled for its holder (the next person moves up), the
 * attendee export as CSV and XLSX, and, for a cycle, its certificates.
 *
 * @tag ngo-admin-events-registrations
 */
export class NgoAdminEventsRegistrations extends StaffPart {
  static override properties: PropertyDeclarations = { event: { attribute: false }, code: { state: true }, codeError: { state: true }, scanning: { state: true } };
  protected static override translators = [t];
  protected override tr = t;

  declare event: StaffEvent | null;
  declare private code: string;
  declare private codeError: string;
  declare private scanning: boolean;
  private stream: MediaStream | null = null;

  constructor() {
    super();
    this.event = null;
    this.code = this.codeError = '';
    this.scanning = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopCamera();
  }

  private list = new Task(this, {
    args: () => [this.api, this.event?.id ?? ''] as const,
    task: ([base, id], { signal }) => (id ? this.guard(listRegistrations(base, id, signal)) : Promise.resolve(null)),
  });

  private async checkInBy(by: { code: string } | { registrationId: string }): Promise<void> {
    const lang = this.locale;
    let result: Awaited<ReturnType<typeof checkIn>> | undefined;
    if (await this.send(async () => (result = await checkIn(this.api, this.session, this.event!.id, by)))) return;
    this.announce(t(lang, result!.status === 'already' ? 'scan.already' : 'scan.ok', { name: result!.name }));
    this.code = '';
    await this.list.run();
    await this.focusAfter(...('code' in by ? ['#checkin-code'] : [`${row(by.registrationId)} .undo`, `${row(by.registrationId)} button`]));
  }

  private async undo(r: Registration): Promise<void> {
    if (await this.send(() => undoCheckIn(this.api, this.session, this.event!.id, r.id))) return;
    await this.list.run();
    await this.focusAfter(`${row(r.id)} .checkin`, '#reg-heading');
  }

  private async cancel(r: Registration): Promise<void> {
    if (await this.send(() => cancelRegistration(this.api, this.session, this.event!.id, r.id))) return;
    this.announce(t(this.locale, 'reg.cancelled', { name: r.name }));
    await this.list.run();
    await this.focusAfter('#reg-heading');
  }

  private async certificates(): Promise<void> {
    let issued = 0;
    if (await this.send(async () => (issued = (await issueCertificates(this.api, this.session, this.event!.series!.id)).issued.length))) return;
    this.announce(t(this.locale, 'reg.issued', { count: issued }));
  }

  private submitCode(e: SubmitEvent): void {
    e.preventDefault();
    const code = this.code.trim();
    this.codeError = code ? '' : t(this.locale, 'scan.empty');
    if (this.codeError) return void this.focusAfter('#checkin-code');
    void this.checkInBy({ code });
  }

  private async startCamera(): Promise<void> {
    const Reader = barcodeReader();
    if (!Reader || !navigator.mediaDevices?.getUserMedia) return;
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      this.codeError = t(this.locale, 'scan.no_camera');
      return void this.focusAfter('#checkin-code');
    }
    this.scanning = true;
    await this.updateComplete;
    const video = this.querySelector<HTMLVideoElement>('video.scan');
    if (!video) return this.stopCamera();
    video.srcObject = this.stream;
    await video.play().catch(() => undefined);
    const reader = new Reader({ formats: ['qr_code'] });
    const look = async () => {
      if (!this.scanning) return;
      const found = await reader.detect(video).catch(() => []);
      const code = found[0]?.rawValue.trim();
      if (code) {
        this.code = code;
        await this.checkInBy({ code });
      }
      // One look a third of a second apart: enough for a queue at the door, light on a phone.
      if (this.scanning) setTimeout(() => void look(), 333);
    };
    void look();
  }

  private stopCamera(): void {
    this.scanning = false;
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
  }

  protected override render() {
    const lang = this.locale;
    const e = this.event;
    if (!e) return nothing;
    return html`<h4 id="reg-heading" tabindex="-1">${t(lang, 'reg.heading', { title: e.title })}</h4>
      <p>${whenText(lang, e)}</p>
      ${this.actionErrorRegion()}
      ${this.renderTask(this.list, { complete: (data) => (data ? this.renderData(lang, e, data) : nothing) })}`;
  }

  private renderData(lang: Lang, e: StaffEvent, data: Registrations): TemplateResult {
    const c = data.counts;
    const needs = needsText(lang, c?.accessNeeds);
    return html`${c ? html`<p>${t(lang, 'reg.counts', { confirmed: c.confirmed, waiting: c.waiting, offered: c.offered, cancelled: c.cancelled })}</p>` : nothing}
      <section class="box" aria-labelledby="needs-heading">
        <h5 id="needs-heading">${t(lang, 'reg.needs')}</h5>
        ${needs.length ? html`<ul>${needs.map((n) => html`<li>${n}</li>`)}</ul>` : html`<p>${t(lang, 'needs.none')}</p>`}
      </section>
      <p class="row">
        <a class="export-csv" href=${exportUrl(this.api, e.id, 'csv', lang)} download>${t(lang, 'reg.export_csv')}</a>
        <a class="export-xlsx" href=${exportUrl(this.api, e.id, 'xlsx', lang)} download>${t(lang, 'reg.export_xlsx')}</a>
        ${e.series?.kind === 'cycle' ? html`<button type="button" class="ngo-secondary certificates" aria-disabled=${this.disabled} @click=${() => this.certificates()}>${t(lang, 'reg.certificates')}</button>` : nothing}
      </p>
      ${this.renderScan(lang)}
      ${data.items.length ? this.table(lang, data.items) : html`<p class="empty">${t(lang, 'reg.empty')}</p>`}`;
  }

  private renderScan(lang: Lang): TemplateResult {
    return html`<form class="box" novalidate aria-labelledby="scan-heading" @submit=${(e: SubmitEvent) => this.submitCode(e)}>
      <h5 id="scan-heading">${t(lang, 'scan.heading')}</h5>
      ${field({ id: 'checkin-code', label: t(lang, 'scan.label'), hint: t(lang, 'scan.hint'), error: this.codeError }, (a) => html`<input id=${a.id} autocomplete="off" spellcheck="false" maxlength="64" .value=${this.code}
        aria-describedby=${ifDefined(a.describedby)} aria-invalid=${ifDefined(a.invalid)} @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} />`)}
      <div class="ngo-actions">
        <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'scan.submit')}</button>
        ${barcodeReader()
          ? html`<button type="button" class="ngo-secondary camera" @click=${() => (this.scanning ? this.stopCamera() : void this.startCamera())}>${t(lang, this.scanning ? 'scan.stop' : 'scan.camera')}</button>`
          : nothing}
      </div>
      ${this.scanning ? html`<video class="scan" muted playsinline aria-label=${t(lang, 'scan.video')} width="320" height="240"></video>` : nothing}
    </form>`;
  }

  private table(lang: Lang, items: Registration[]): TemplateResult {
    const questions = this.event?.registration.questions ?? [];
    return html`<div class="table-wrap"><table>
      <caption>${t(lang, 'registrations')}</caption>
      <thead><tr>
        <th scope="col">${t(lang, 'col.queue')}</th><th scope="col">${t(lang, 'col.person')}</th><th scope="col">${t(lang, 'col.status')}</th>
        <th scope="col">${t(lang, 'col.needs')}</th>${questions.length ? html`<th scope="col">${t(lang, 'col.answers')}</th>` : nothing}<th scope="col">${t(lang, 'col.checkin')}</th><th scope="col">${t(lang, 'col.actions')}</th>
      </tr></thead>
      <tbody>
        ${items.map((r) => {
          const active = r.status === 'confirmed' || r.status === 'waiting' || r.status === 'offered';
          return html`<tr data-reg=${r.id}>
            <td>${r.queueNo ?? '—'}</td>
            <th scope="row">${r.name}<br /><span class="muted">${r.email}${r.organisation ? ` · ${r.organisation}` : ''}</span></th>
            <td>${t(lang, `reg.regstatus.${r.status}`)}${r.skips ? html`<br /><span class="muted">${t(lang, 'reg.skips')}</span>` : nothing}</td>
            <td>${r.accessNeeds.length ? r.accessNeeds.map((n) => ACCESS_NEED_LABELS[n][lang]).join(', ') : '—'}${r.accessNote ? html`<br /><span class="muted">${r.accessNote}</span>` : nothing}</td>
            ${questions.length ? html`<td class="answers">${answerLines(lang, questions, r.answers).map((a, i) => html`${i ? html`<br />` : nothing}${a}`)}</td>` : nothing}
            <td>
              ${r.checkedInAt
                ? html`${t(lang, 'reg.checked', { time: formatTime(lang, r.checkedInAt) })}
                    <button type="button" class="link undo" aria-disabled=${this.disabled} @click=${() => this.undo(r)}>${t(lang, 'reg.undo')}</button>`
                : r.status === 'confirmed'
                  ? html`<button type="button" class="link checkin" aria-disabled=${this.disabled} @click=${() => this.checkInBy({ registrationId: r.id })}>${t(lang, 'reg.checkin')}</button>`
                  : '—'}
            </td>
            <td>${active ? html`<button type="button" class="link cancel-reg" aria-disabled=${this.disabled} @click=${() => this.cancel(r)}>${t(lang, 'reg.cancel')}</button>` : nothing}</td>
          </tr>`;
        })}
      </tbody>
    </table></div>`;
  }
}
