import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { RespondentGroup } from '../../common/surveys.js';
import { CSRF_HEADER } from '../../common/admin.js';
import { RESPONDENT_GROUPS } from '../../common/surveys.js';
import { ApiError } from '../core/api.js';
import { field, inputField } from '../core/forms.js';
import { formatDateTime, formatNumber, type Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import {
  createOpenLink, createTokens, editionBase, getEdition, mailInvitations, revokeOpenLink, type StaffEditionDetail, type TokenBatchInput,
} from './surveys.admin.api.js';
import { tSurveysAdmin as t } from './surveys.admin.i18n.js';
import { groupLabel, groupSelect } from './surveys.admin.view.js';

type Format = 'json' | 'csv' | 'xlsx';
const LANGS: Lang[] = ['pl', 'en', 'uk'];
const LANG_NAMES: Record<Lang, string> = { pl: 'polski', en: 'English', uk: 'українська' };

/**
 * Part "access" of the surveys section: responses, invitations issued and used per group; one-time
 * invitation links for a group (shown once, or as a CSV or XLSX file for a mail merge), invitations
 * mailed through the outbox, the token batches, and the open links of groups (create, revoke).
 *
 * @tag ngo-admin-surveys-access
 */
export class NgoAdminSurveysAccess extends StaffPart {
  static override properties: PropertyDeclarations = {
    survey: { attribute: false }, edition: { attribute: false }, group: { state: true }, count: { state: true }, inviteLang: { state: true },
    format: { state: true }, links: { state: true }, recipients: { state: true }, mailGroup: { state: true }, openGroup: { state: true },
  };
  protected static override translators = [t];
  protected override tr = t;

  declare survey: string;
  declare edition: string;
  declare private group: RespondentGroup;
  declare private count: string;
  /** The language of the invitations (and of the survey they open). */
  declare private inviteLang: Lang;
  declare private format: Format;
  /** The links of the batch just created (shown once). */
  declare private links: string[];
  declare private recipients: string;
  declare private mailGroup: RespondentGroup;
  declare private openGroup: RespondentGroup;

  constructor() {
    super();
    this.survey = this.edition = '';
    this.group = this.mailGroup = this.openGroup = 'ngo';
    this.count = '50';
    this.inviteLang = 'pl';
    this.format = 'json';
    this.links = [];
    this.recipients = '';
  }

  private detail = new Task(this, {
    args: () => [this.api, this.survey, this.edition] as const,
    task: ([base, s, e], { signal }) => this.guard(getEdition(base, s, e, signal)),
  });

  /** A batch as a file: POSTed with the session (a plain link cannot carry the CSRF token), then saved. */
  private async download(body: TokenBatchInput, format: 'csv' | 'xlsx'): Promise<void> {
    const res = await fetch(`${this.api}${editionBase(this.survey, this.edition)}/tokens`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: this.session?.csrfToken ?? '' },
      body: JSON.stringify({ ...body, format }),
    });
    if (!res.ok) throw new ApiError(res.status, res.status === 401 ? 'unauthorized' : 'internal_error', res.statusText);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `lijw-${this.edition}-${this.group}.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async createBatch(e: Event): Promise<void> {
    e.preventDefault();
    const body: TokenBatchInput = { group: this.group, count: Number(this.count), lang: this.inviteLang };
    const format = this.format;
    this.links = [];
    let created = 0;
    const failed = await this.send(async () => {
      if (format === 'json') {
        const r = await createTokens(this.api, this.session, this.survey, this.edition, body);
        this.links = r.links;
        created = r.links.length;
      } else {
        await this.download(body, format);
        created = body.count;
      }
    });
    if (failed) return;
    this.announce(t(this.locale, 'tokens.created', { count: created }));
    await this.detail.run();
    if (format === 'json') await this.focusAfter('#token-links');
  }

  private async mail(e: Event): Promise<void> {
    e.preventDefault();
    const recipients = this.recipients.split(/[\s,;]+/).map((r) => r.trim()).filter(Boolean);
    let queued = 0;
    if (await this.send(async () => (queued = (await mailInvitations(this.api, this.session, this.survey, this.edition, { group: this.mailGroup, lang: this.inviteLang, recipients })).queued))) return;
    this.recipients = '';
    this.announce(t(this.locale, 'mail.queued', { count: queued }));
    await this.detail.run();
  }

  private async openLink(): Promise<void> {
    let url = '';
    if (await this.send(async () => (url = (await createOpenLink(this.api, this.session, this.survey, this.edition, this.openGroup)).url ?? ''))) return;
    this.announce(t(this.locale, 'open.created', { url }));
    await this.detail.run();
  }

  private async revoke(id: string): Promise<void> {
    if (await this.send(() => revokeOpenLink(this.api, this.session, this.survey, this.edition, id))) return;
    this.announce(t(this.locale, 'open.revoked'));
    await this.detail.run();
    await this.focusAfter('#open-heading');
  }

  protected override render() {
    return html`${this.actionErrorRegion()}${this.renderTask(this.detail, { complete: (d) => this.renderDetail(d, this.locale) })}`;
  }

  private renderDetail(d: StaffEditionDetail, lang: Lang): TemplateResult {
    const n = (v: number | undefined) => formatNumber(lang, v ?? 0);
    return html`<section aria-labelledby="counts-heading">
        <h4 id="counts-heading">${t(lang, 'counts.heading')}</h4>
        <div class="table-wrap"><table class="counts">
          <thead><tr><th scope="col">${t(lang, 'col.group')}</th><th scope="col" class="num">${t(lang, 'col.issued')}</th><th scope="col" class="num">${t(lang, 'col.used')}</th><th scope="col" class="num">${t(lang, 'col.responses')}</th></tr></thead>
          <tbody>
            ${RESPONDENT_GROUPS.map((g) => {
              const c = d.counts[g];
              return html`<tr data-group=${g}><th scope="row">${groupLabel(g, lang)}</th><td class="num">${n(c?.issued)}</td><td class="num">${n(c?.used)}</td><td class="num">${n(c?.responses)}</td></tr>`;
            })}
          </tbody>
        </table></div>
      </section>
      ${this.renderTokens(lang)} ${this.renderMail(lang)} ${this.renderBatches(d, lang)} ${this.renderOpenLinks(d, lang)}`;
  }

  private langSelect(id: string, lang: Lang): TemplateResult {
    return html`<div class="ngo-field"><label class="ngo-label" for=${id}>${t(lang, 'f.lang')}</label>
      <select id=${id} @change=${(e: Event) => (this.inviteLang = (e.target as HTMLSelectElement).value as Lang)}>
        ${LANGS.map((l) => html`<option value=${l} ?selected=${l === this.inviteLang} lang=${l}>${LANG_NAMES[l]}</option>`)}
      </select></div>`;
  }

  private renderTokens(lang: Lang): TemplateResult {
    return html`<section aria-labelledby="tokens-heading">
      <h4 id="tokens-heading">${t(lang, 'tokens.heading')}</h4>
      <p class="muted">${t(lang, 'tokens.hint')}</p>
      <form @submit=${this.createBatch} novalidate>
        <div class="row">
          ${groupSelect('tok-group', t(lang, 'f.group'), this.group, lang, (g) => (this.group = g))}
          ${inputField({ id: 'tok-count', label: t(lang, 'f.count'), type: 'number', value: this.count, required: true, onInput: (v) => (this.count = v) })}
          ${this.langSelect('tok-lang', lang)}
          <div class="ngo-field"><label class="ngo-label" for="tok-format">${t(lang, 'f.format')}</label>
            <select id="tok-format" @change=${(e: Event) => (this.format = (e.target as HTMLSelectElement).value as Format)}>
              ${(['json', 'csv', 'xlsx'] as const).map((f) => html`<option value=${f} ?selected=${f === this.format}>${t(lang, `format.${f}`)}</option>`)}
            </select></div>
        </div>
        <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'tokens.create')}</button>
      </form>
      ${this.links.length
        ? field({ id: 'token-links', label: t(lang, 'tokens.links') }, (a) => html`<textarea id=${a.id} readonly rows="6" .value=${this.links.join('\n')}></textarea>`)
        : nothing}
    </section>`;
  }

  private renderMail(lang: Lang): TemplateResult {
    return html`<section aria-labelledby="mail-heading">
      <h4 id="mail-heading">${t(lang, 'mail.heading')}</h4>
      <form @submit=${this.mail} novalidate>
        <div class="row">${groupSelect('mail-group', t(lang, 'f.group'), this.mailGroup, lang, (g) => (this.mailGroup = g))} ${this.langSelect('mail-lang', lang)}</div>
        ${field({ id: 'mail-recipients', label: t(lang, 'f.recipients'), hint: t(lang, 'f.recipients.hint') }, (a) =>
          html`<textarea id=${a.id} rows="5" aria-describedby=${a.describedby ?? ''} .value=${this.recipients} @input=${(e: Event) => (this.recipients = (e.target as HTMLTextAreaElement).value)}></textarea>`)}
        <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'mail.send')}</button>
      </form>
    </section>`;
  }

  private renderBatches(d: StaffEditionDetail, lang: Lang): TemplateResult | typeof nothing {
    if (!d.batches.length) return nothing;
    return html`<section aria-labelledby="batches-heading">
      <h4 id="batches-heading">${t(lang, 'batches.heading')}</h4>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">${t(lang, 'col.group')}</th><th scope="col" class="num">${t(lang, 'col.size')}</th><th scope="col" class="num">${t(lang, 'col.used')}</th><th scope="col">${t(lang, 'col.channel')}</th><th scope="col">${t(lang, 'col.expires')}</th></tr></thead>
        <tbody>
          ${d.batches.map((b) => html`<tr><th scope="row">${groupLabel(b.group, lang)}</th><td class="num">${formatNumber(lang, b.size)}</td><td class="num">${formatNumber(lang, b.used)}</td><td>${t(lang, `channel.${b.channel}`)}</td><td>${formatDateTime(lang, b.expiresAt)}</td></tr>`)}
        </tbody>
      </table></div>
    </section>`;
  }

  private renderOpenLinks(d: StaffEditionDetail, lang: Lang): TemplateResult {
    const active = d.openLinks.filter((l) => !l.revokedAt);
    return html`<section aria-labelledby="open-heading">
      <h4 id="open-heading" tabindex="-1">${t(lang, 'open.heading')}</h4>
      <p class="muted">${t(lang, 'open.hint')}</p>
      ${active.length
        ? html`<ul class="plain">${active.map((l) => html`<li class="row">${groupLabel(l.group, lang)} · ${formatDateTime(lang, l.createdAt)}
            <button type="button" class="danger" aria-disabled=${this.disabled} @click=${() => this.revoke(l.id)}>${t(lang, 'open.revoke', { group: groupLabel(l.group, lang) })}</button></li>`)}</ul>`
        : html`<p class="empty">${t(lang, 'open.none')}</p>`}
      <div class="row">${groupSelect('open-group', t(lang, 'f.group'), this.openGroup, lang, (g) => (this.openGroup = g))}
        <button type="button" aria-disabled=${this.disabled} @click=${this.openLink}>${t(lang, 'open.create')}</button></div>
    </section>`;
  }
}
