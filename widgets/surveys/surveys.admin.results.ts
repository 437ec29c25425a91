import { Task } from '@lit/task';
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { COLUMNS } from '../../common/surveys.scoring.js';
import { formatNumber, type Lang } from '../core/i18n/index.js';
import { StaffPart } from '../core/staff-section.js';
import { exportUrl, getStaffResults, reportUrl, savePublication, type ColumnId, type PublicationInput, type StaffResults } from './surveys.admin.api.js';
import { tSurveysAdmin as t } from './surveys.admin.i18n.js';
import { cellText, columnLabel } from './surveys.admin.view.js';

/**
 * Part "results" of the surveys section: the scores of every column as staff see them (cells under
 * 5 respondents stay hidden for staff too), the publish choices (which columns, item scores and
 * gaps, the trend, the indicators, and whether the results are public), and the exports:
 * anonymised responses with their codebook, the indices, and the report.
 *
 * @tag ngo-admin-surveys-results
 */
export class NgoAdminSurveysResults extends StaffPart {
  static override properties: PropertyDeclarations = { survey: { attribute: false }, edition: { attribute: false }, choice: { state: true } };
  protected static override translators = [t];
  protected override tr = t;

  declare survey: string;
  declare edition: string;
  /** The publish choices being edited; null until the results load. */
  declare private choice: PublicationInput | null;

  constructor() {
    super();
    this.survey = this.edition = '';
    this.choice = null;
  }

  private results = new Task(this, {
    args: () => [this.api, this.survey, this.edition, this.locale] as const,
    task: ([base, s, e, lang], { signal }) => this.guard(getStaffResults(base, s, e, { a: 'ngo', b: 'official', lang }, signal)),
    onComplete: (r) => (this.choice = { ...r.publication, published: r.edition.published }),
  });

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const choice = this.choice;
    if (!choice) return;
    if (await this.send(() => savePublication(this.api, this.session, this.survey, this.edition, choice))) return;
    this.announce(t(this.locale, 'pub.saved'));
    this.dispatchEvent(new CustomEvent('ngo-surveys-changed', { bubbles: true, composed: true, detail: {} }));
  }

  private toggleColumn(c: ColumnId, on: boolean): void {
    const ch = this.choice!;
    const columns = COLUMNS.filter((x) => (x === c ? on : ch.columns.includes(x)));
    this.choice = { ...ch, columns };
  }

  protected override render() {
    return html`${this.actionErrorRegion()}${this.renderTask(this.results, { complete: (r) => this.renderResults(r, this.locale) })}`;
  }

  private renderResults(r: StaffResults, lang: Lang): TemplateResult {
    const cols = r.columns;
    return html`<section aria-labelledby="results-heading">
        <h4 id="results-heading">${t(lang, 'results.heading')}</h4>
        <p class="muted">${t(lang, 'results.note')}</p>
        <div class="table-wrap"><table class="scores">
          <thead><tr><th scope="col">${t(lang, 'col.section')}</th>${cols.map((c) => html`<th scope="col" class="num">${columnLabel(c, lang)}</th>`)}</tr></thead>
          <tbody>
            <tr><th scope="row">${t(lang, 'col.responses')}</th>${cols.map((c) => {
              const n = r.respondents[c];
              return html`<td class="num ${n === null ? 'suppressed' : ''}">${n === null ? t(lang, 'suppressed') : formatNumber(lang, n ?? 0)}</td>`;
            })}</tr>
            ${r.sections.map((s) => html`<tr data-section=${s.id}><th scope="row">${s.title[lang] || s.title.pl}</th>${cols.map((c) => this.cell(lang, s.cells[c]))}</tr>`)}
            <tr><th scope="row">${t(lang, 'index')}</th>${cols.map((c) => this.cell(lang, r.index[c]))}</tr>
          </tbody>
        </table></div>
      </section>
      ${this.renderPublication(lang)} ${this.renderExports(lang)}`;
  }

  private cell(lang: Lang, c: { score: number | null; suppressed: string | null } | undefined): TemplateResult {
    return html`<td class="num ${c?.suppressed ? 'suppressed' : ''}">${cellText(lang, c)}</td>`;
  }

  private renderPublication(lang: Lang): TemplateResult {
    const ch = this.choice!;
    const check = (id: string, label: string, checked: boolean, set: (on: boolean) => void) => html`<label class="ngo-check" for=${id}>
      <input type="checkbox" id=${id} .checked=${checked} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} /><span>${label}</span></label>`;
    return html`<section aria-labelledby="pub-heading">
      <h4 id="pub-heading">${t(lang, 'pub.heading')}</h4>
      <form @submit=${this.save} novalidate>
        <fieldset class="checks">
          <legend>${t(lang, 'pub.columns')}</legend>
          ${COLUMNS.map((c) => check(`pub-col-${c}`, columnLabel(c, lang), ch.columns.includes(c), (on) => this.toggleColumn(c, on)))}
        </fieldset>
        ${check('pub-items', t(lang, 'pub.items'), ch.items, (on) => (this.choice = { ...this.choice!, items: on }))}
        ${check('pub-trend', t(lang, 'pub.trend'), ch.trend, (on) => (this.choice = { ...this.choice!, trend: on }))}
        ${check('pub-indicators', t(lang, 'pub.indicators'), ch.indicators, (on) => (this.choice = { ...this.choice!, indicators: on }))}
        ${check('pub-published', t(lang, 'pub.published'), ch.published, (on) => (this.choice = { ...this.choice!, published: on }))}
        <button type="submit" aria-disabled=${this.disabled}>${t(lang, 'pub.save')}</button>
      </form>
    </section>`;
  }

  private renderExports(lang: Lang): TemplateResult {
    const what = ['responses', 'codebook', 'indices'] as const;
    return html`<section aria-labelledby="exports-heading">
      <h4 id="exports-heading">${t(lang, 'exports.heading')}</h4>
      <ul class="exports">
        ${what.map(
          (w) => html`<li>${t(lang, `export.${w}`)}:
            <a href=${exportUrl(this.api, this.survey, this.edition, w, 'csv', lang)} download>CSV</a> ·
            <a href=${exportUrl(this.api, this.survey, this.edition, w, 'xlsx', lang)} download>XLSX</a></li>`,
        )}
        <li><a href=${reportUrl(this.api, this.survey, this.edition, 'html', lang)} target="_blank" rel="noopener">${t(lang, 'report.html')}</a></li>
        <li><a href=${reportUrl(this.api, this.survey, this.edition, 'docx', lang)} download>${t(lang, 'report.docx')}</a></li>
      </ul>
    </section>`;
  }
}
