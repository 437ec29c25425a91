import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../../common/surveys.js';
import { field, inputField } from '../core/forms.js';
import { formatNumber, type Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import {
  addRecommendation, getEdition, getStaffResults, listRecommendations, saveAgreed, saveMeeting, updateRecommendation, type Recommendation, type StaffResults,
} from './surveys.admin.api.js';
import { tSurveysAdmin as t } from './surveys.admin.i18n.js';
import { columnLabel, day } from './surveys.admin.view.js';

interface NewRec {
  section: string;
  text: string;
  owner: string;
  deadline: string;
}

/**
 * Part "meeting" of the surveys section: the joint working group's agenda (items and sections by
 * the size of the gap between NGOs and officials, largest first), the agreed score and its note per
 * section, the meeting's date and minutes, and the recommendations (owner, deadline, status), which
 * the next edition shows under "what changed since last year".
 *
 * @tag ngo-admin-surveys-meeting
 */
export class NgoAdminSurveysMeeting extends StaffPart {
  static override properties: PropertyDeclarations = {
    survey: { attribute: false }, edition: { attribute: false }, agreed: { state: true }, meeting: { state: true }, rec: { state: true },
  };
  protected static override translators = [t];
  protected override tr = t;

  declare survey: string;
  declare edition: string;
  /** Agreed scores being edited, by section: the score as typed and the note. */
  declare private agreed: Record<string, { score: string; note: string }>;
  declare private meeting: { on: string; note: string };
  declare private rec: NewRec;

  constructor() {
    super();
    this.survey = this.edition = '';
    this.agreed = {};
    this.meeting = { on: '', note: '' };
    this.rec = { section: '', text: '', owner: '', deadline: '' };
  }

  private results = new Task(this, {
    args: () => [this.api, this.survey, this.edition, this.locale] as const,
    task: ([base, s, e, lang], { signal }) => this.guard(getStaffResults(base, s, e, { a: 'ngo', b: 'official', lang }, signal)),
    onComplete: (r) => {
      this.agreed = Object.fromEntries(r.sections.map((s) => {
        const a = r.agreed.find((x) => x.section === s.id);
        return [s.id, { score: a ? String(a.score) : '', note: a?.note ?? '' }];
      }));
      this.rec = { ...this.rec, section: this.rec.section || r.sections[0]?.id || '' };
    },
  });

  /** The meeting's date and minutes as saved. */
  private saved = new Task(this, {
    args: () => [this.api, this.survey, this.edition] as const,
    task: ([base, s, e], { signal }) => this.guard(getEdition(base, s, e, signal)),
    onComplete: (d) => (this.meeting = { on: d.meeting.on ?? '', note: d.meeting.note ?? '' }),
  });

  private recs = new Task(this, {
    args: () => [this.api, this.survey, this.edition] as const,
    task: ([base, s, e], { signal }) => this.guard(listRecommendations(base, s, e, signal)),
  });

  private async saveScore(e: Event, section: string, title: string): Promise<void> {
    e.preventDefault();
    const a = this.agreed[section]!;
    if (await this.send(() => saveAgreed(this.api, this.session, this.survey, this.edition, section, { score: Number(a.score.replace(',', '.')), note: a.note }))) return;
    this.announce(t(this.locale, 'agreed.saved', { section: title }));
  }

  private async saveMeeting(e: Event): Promise<void> {
    e.preventDefault();
    const m = this.meeting;
    if (await this.send(() => saveMeeting(this.api, this.session, this.survey, this.edition, { on: m.on || null, note: m.note || null }))) return;
    this.announce(t(this.locale, 'meeting.saved'));
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    if (await this.send(() => addRecommendation(this.api, this.session, this.survey, this.edition, { ...this.rec, status: 'planned' }))) return;
    this.rec = { ...this.rec, text: '', owner: '', deadline: '' };
    this.announce(t(this.locale, 'recs.added'));
    await this.recs.run();
  }

  private async setStatus(r: Recommendation, status: RecommendationStatus): Promise<void> {
    if (await this.send(() => updateRecommendation(this.api, this.session, this.survey, this.edition, r.id, { status }))) return;
    this.announce(t(this.locale, 'recs.updated'));
    await this.recs.run();
    await this.focusAfter(`#rec-status-${r.id}`);
  }

  protected override render() {
    const lang = this.locale;
    return html`${this.actionErrorRegion()}${this.renderTask(this.results, { complete: (r) => html`${this.renderAgenda(r, lang)} ${this.renderAgreed(r, lang)}` })}
      ${this.renderTask(this.saved, { complete: () => this.renderMeeting(lang) })} ${this.renderTask(this.recs, { complete: ({ items }) => this.renderRecs(items, this.results.value, lang) })}`;
  }

  private renderAgenda(r: StaffResults, lang: Lang): TemplateResult {
    const a = r.gap?.a ?? 'ngo';
    const b = r.gap?.b ?? 'official';
    return html`<section aria-labelledby="agenda-heading">
      <h4 id="agenda-heading">${t(lang, 'agenda.heading')}</h4>
      <p class="muted">${t(lang, 'agenda.pair', { a: columnLabel(a, lang), b: columnLabel(b, lang) })}</p>
      ${r.agenda.length
        ? html`<div class="table-wrap"><table class="agenda">
            <thead><tr><th scope="col">${t(lang, 'col.question')}</th><th scope="col" class="num">${columnLabel(a, lang)}</th><th scope="col" class="num">${columnLabel(b, lang)}</th><th scope="col" class="num">${t(lang, 'col.gap')}</th></tr></thead>
            <tbody>
              ${r.agenda.map(
                (x) => html`<tr data-id=${x.id}>
                  <th scope="row"><span class="muted">${t(lang, `kind.${x.kind}`)}:</span> ${x.text[lang] || x.text.pl}</th>
                  <td class="num">${formatNumber(lang, x.a)}</td><td class="num">${formatNumber(lang, x.b)}</td>
                  <td class="num">${x.gap > 0 ? '+' : x.gap < 0 ? '−' : ''}${formatNumber(lang, Math.abs(x.gap))}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p class="empty">${t(lang, 'agenda.empty')}</p>`}
    </section>`;
  }

  private renderAgreed(r: StaffResults, lang: Lang): TemplateResult {
    return html`<section aria-labelledby="agreed-heading">
      <h4 id="agreed-heading">${t(lang, 'agreed.heading')}</h4>
      ${r.sections.map((s) => {
        const title = s.title[lang] || s.title.pl;
        const v = this.agreed[s.id] ?? { score: '', note: '' };
        const set = (patch: Partial<typeof v>) => (this.agreed = { ...this.agreed, [s.id]: { ...(this.agreed[s.id] ?? v), ...patch } });
        return html`<form class="box" @submit=${(e: Event) => this.saveScore(e, s.id, title)} novalidate>
          ${inputField({ id: `agreed-${s.id}`, label: t(lang, 'f.score', { section: title }), type: 'number', value: v.score, onInput: (score) => set({ score }) })}
          ${field({ id: `agreed-note-${s.id}`, label: t(lang, 'f.note', { section: title }) }, (a) =>
            html`<textarea id=${a.id} rows="2" .value=${v.note} @input=${(e: Event) => set({ note: (e.target as HTMLTextAreaElement).value })}></textarea>`)}
          <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'agreed.save', { section: title })}</button>
        </form>`;
      })}
    </section>`;
  }

  private renderMeeting(lang: Lang): TemplateResult {
    const m = this.meeting;
    return html`<section aria-labelledby="meeting-heading">
      <h4 id="meeting-heading">${t(lang, 'meeting.heading')}</h4>
      <form @submit=${this.saveMeeting} novalidate>
        ${inputField({ id: 'meeting-on', label: t(lang, 'f.meetingOn'), type: 'date', value: m.on, onInput: (on) => (this.meeting = { ...this.meeting, on }) })}
        ${field({ id: 'meeting-note', label: t(lang, 'f.meetingNote') }, (a) =>
          html`<textarea id=${a.id} rows="4" .value=${m.note} @input=${(e: Event) => (this.meeting = { ...this.meeting, note: (e.target as HTMLTextAreaElement).value })}></textarea>`)}
        <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'meeting.save')}</button>
      </form>
    </section>`;
  }

  private renderRecs(items: Recommendation[], r: StaffResults | undefined, lang: Lang): TemplateResult {
    const sections = r?.sections ?? [];
    const title = (id: string) => sections.find((s) => s.id === id)?.title[lang] ?? id;
    const rec = this.rec;
    return html`<section aria-labelledby="recs-heading">
      <h4 id="recs-heading">${t(lang, 'recs.heading')}</h4>
      ${items.length
        ? html`<div class="table-wrap"><table class="recs">
            <thead><tr><th scope="col">${t(lang, 'col.text')}</th><th scope="col">${t(lang, 'col.section')}</th><th scope="col">${t(lang, 'col.owner')}</th><th scope="col">${t(lang, 'col.deadline')}</th><th scope="col">${t(lang, 'col.status')}</th></tr></thead>
            <tbody>
              ${items.map(
                (x) => html`<tr data-id=${x.id}>
                  <th scope="row">${x.text}</th><td>${title(x.section)}</td><td>${x.owner}</td><td>${day(lang, x.deadline)}</td>
                  <td><label class="ngo-sr" for="rec-status-${x.id}">${t(lang, 'f.status', { text: x.text })}</label>
                    <select id="rec-status-${x.id}" @change=${(e: Event) => this.setStatus(x, (e.target as HTMLSelectElement).value as RecommendationStatus)}>
                      ${RECOMMENDATION_STATUSES.map((st) => html`<option value=${st} ?selected=${st === x.status}>${t(lang, `rec.${st}`)}</option>`)}
                    </select></td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p class="empty">${t(lang, 'recs.empty')}</p>`}
      ${sections.length
        ? html`<form class="box" @submit=${this.add} novalidate>
            <div class="ngo-field"><label class="ngo-label" for="rec-section">${t(lang, 'f.section')}</label>
              <select id="rec-section" @change=${(e: Event) => (this.rec = { ...this.rec, section: (e.target as HTMLSelectElement).value })}>
                ${sections.map((s) => html`<option value=${s.id} ?selected=${s.id === rec.section}>${s.title[lang] || s.title.pl}</option>`)}
              </select></div>
            ${field({ id: 'rec-text', label: t(lang, 'f.text') }, (a) => html`<textarea id=${a.id} rows="3" .value=${rec.text} @input=${(e: Event) => (this.rec = { ...this.rec, text: (e.target as HTMLTextAreaElement).value })}></textarea>`)}
            <div class="row">
              ${inputField({ id: 'rec-owner', label: t(lang, 'f.owner'), value: rec.owner, onInput: (owner) => (this.rec = { ...this.rec, owner }) })}
              ${inputField({ id: 'rec-deadline', label: t(lang, 'f.deadline'), type: 'date', value: rec.deadline, onInput: (deadline) => (this.rec = { ...this.rec, deadline }) })}
            </div>
            <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'recs.add')}</button>
          </form>`
        : nothing}
    </section>`;
  }
}
