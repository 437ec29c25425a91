import { Task, TaskStatus } from '@lit/task';
import { nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { RespondentGroup } from '../../common/surveys.js';
import { GROUP_LABELS, textIn } from '../../common/surveys.js';
import { ApiError, asApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { formatDate, formatNumber, type Lang } from '../core/i18n/index.js';
import { loadFailed } from '../core/states.js';
import { theme } from '../core/theme.js';
import { getResults, type CellOut, type ColumnId, type Results } from './surveys.api.js';
import { barChart, gapChart, trendChart, type ChartText, type Figure, type Series } from './surveys.charts.js';
import { tsr, type SurveyResultsKey } from './surveys-results.i18n.js';
import { ts, type SurveysKey } from './surveys.i18n.js';
import { chartStyles, resultsStyles } from './surveys.styles.js';

/** A cell as the charts and the tables both show it: the score (one decimal, as served), "suppressed", or no data. */
export const figureOf = (c: CellOut | undefined): Figure => (!c ? null : c.suppressed ? 'suppressed' : c.score);

const isGroup = (c: ColumnId): c is RespondentGroup => c !== 'all';

/** A table row: its key, its header and its cells (figures, or text such as a signed gap). */
interface Row {
  key: string;
  label: string;
  cells: (Figure | { text: string })[];
}

/** One CSV field (RFC 4180): quoted, with inner quotes doubled. */
const csvField = (v: string) => `"${v.replaceAll('"', '""')}"`;

/**
 * The published results of one LIJW edition: bars per section by group, the perception gap item by
 * item between two groups the reader picks (NGOs and officials first), and the trend over the
 * published editions; every chart is drawn here in SVG (no chart library), has a text alternative,
 * and a data table with the very same figures. A cell with fewer than 5 respondents shows "n < 5",
 * never 0. Also: the objective indicators, the scores the joint working group agreed and its
 * recommendations with their status, and the figures as CSV.
 *
 * @tag ngo-survey-results
 * @attr survey - The survey's id (default `lijw`).
 * @attr edition - The edition (its slug, e.g. `2025`).
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Where the API lives; defaults to the server the script came from.
 * @attr heading-level - Level of the results' title, 1–6 (default 2); the parts below follow.
 * @attr no-heading - Leave out the results' title (the host page's heading names them).
 *
 * @csspart base - The widget's root.
 * @csspart chart - Each chart.
 * @csspart table - Each data table.
 * @csspart download - The CSV link.
 *
 * @cssprop --ngo-survey-color-1 - Colour of the first series (also `-2` … `-6`).
 * @cssprop --ngo-survey-results-max-width - Maximum width of the widget (default `60em`).
 */
export class NgoSurveyResults extends NgoElement {
  static override styles = [theme, chartStyles, resultsStyles];
  protected static override translators = [tsr, ts];
  static override properties: PropertyDeclarations = {
    survey: {},
    edition: {},
    gapA: { state: true },
    gapB: { state: true },
    trendColumn: { state: true },
    width: { state: true },
  };

  declare survey: string;
  declare edition: string;
  declare private gapA: ColumnId | '';
  declare private gapB: ColumnId | '';
  declare private trendColumn: ColumnId | '';
  /** Width of the content box, for drawing the charts at their real size. */
  declare private width: number;
  private resize?: ResizeObserver;

  private results = new Task(this, {
    args: () => [this.api, this.survey, this.edition, this.locale, this.gapA, this.gapB] as const,
    task: ([api, survey, edition, lang, a, b], { signal }) =>
      edition && this.valid ? getResults(api, survey, edition, { lang, a: a || undefined, b: b || undefined }, signal) : Promise.resolve(null),
  });

  constructor() {
    super();
    this.survey = 'lijw';
    this.edition = '';
    this.gapA = this.gapB = this.trendColumn = '';
    this.width = 640;
  }

  private get valid(): boolean {
    return /^[a-z0-9][a-z0-9_-]{0,47}$/.test(this.survey) && /^[a-z0-9][a-z0-9_-]{0,47}$/.test(this.edition);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The new width is applied in a task of its own: re-rendering inside the observer's callback
    // would change the observed size again in the same frame (a "ResizeObserver loop").
    this.resize = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry!.contentRect.width);
      if (w > 0 && Math.abs(w - this.width) > 8) setTimeout(() => (this.width = w));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  protected override updated(): void {
    const root = this.renderRoot.querySelector('.results');
    if (root) this.resize?.observe(root);
  }

  /** The results' own strings, else the recommendations' lines shared with the survey (surveys.i18n.ts). */
  private tr(key: SurveyResultsKey | SurveysKey | 'loading' | 'retry', vars?: Record<string, string | number>): string {
    return tsr.has(this.locale, key) ? tsr(this.locale, key as SurveyResultsKey, vars) : ts(this.locale, key as SurveysKey, vars);
  }

  private columnLabel(c: ColumnId, lang: Lang): string {
    return isGroup(c) ? GROUP_LABELS[c][lang] : this.tr('results.all');
  }

  private chartText(id: string, title: string, lang: Lang): ChartText {
    return { id, title, format: (v) => formatNumber(lang, v), suppressed: this.tr('results.suppressed'), noData: this.tr('results.no_data') };
  }

  private get chartWidth(): number {
    return Math.max(280, Math.min(this.width, 900));
  }

  /** A figure as words, the same in the table and the CSV. */
  private say(f: Figure, lang: Lang): string {
    return f === 'suppressed' ? this.tr('results.suppressed') : f === null ? this.tr('results.no_data') : formatNumber(lang, f);
  }

  /** A figure as a table cell: the number, "n < 5" (with its meaning for screen readers), or "no data". */
  private cellText(f: Figure, lang: Lang): TemplateResult {
    if (f === 'suppressed') return html`<span class="suppressed" title=${this.tr('results.suppressed_long')}>${this.tr('results.suppressed')}<span class="ngo-sr"> (${this.tr('results.suppressed_long')})</span></span>`;
    if (f === null) return html`<span class="suppressed">${this.tr('results.no_data')}</span>`;
    return html`${formatNumber(lang, f)}`;
  }

  private signedGap(d: number, lang: Lang): string {
    const v = Math.round(d * 10) / 10;
    return this.tr('results.gap_value', { value: `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(lang, Math.abs(v))}` });
  }

  override render() {
    if (!this.edition) return this.warnMisconfig('edition is missing');
    if (!this.valid) return this.warnMisconfig(`survey="${this.survey}" edition="${this.edition}" is not a survey edition`);
    const err = this.results.error;
    const unpublished = err instanceof ApiError && err.code === 'survey_results_unpublished';
    if (err instanceof ApiError && err.status === 404 && !unpublished) return this.warnMisconfig(`edition "${this.edition}" of "${this.survey}" was not found`, this.tr('results.not_found'));
    const r = this.results.value;
    const lang = this.locale;
    return html`<section class="ngo-root results" part="base" lang=${lang} aria-label=${this.tr('results.region')}>
      ${r && r.columns.length
        ? this.renderResults(r, lang)
        : r || unpublished
          ? html`<p class="notice">${this.tr('results.not_published')}</p>`
          : err
            ? loadFailed(lang, ts.error(lang, asApiError(err)), () => this.results.run())
            : html`<p>${this.tr('loading')}</p>`}
    </section>`;
  }

  private renderResults(r: Results, lang: Lang): TemplateResult {
    const sections = this.sectionRows(r, lang);
    const gap = this.gapRows(r, lang);
    const trend = this.trendRows(r, lang);
    return html`${this.noHeading ? nothing : html`<${this.headingTag(0)} id="results-title">${this.tr('results.title', { edition: r.edition.slug })}</${this.headingTag(0)}>`}
      <p class="ngo-hint">${this.tr('results.scale_note')}</p>
      ${this.renderRespondents(r, lang)} ${this.renderSections(sections, lang)} ${gap ? this.renderGap(r, gap, lang) : nothing}
      ${trend ? this.renderTrend(r, trend, lang) : nothing} ${this.renderIndicators(r, lang)} ${this.renderMeeting(r, lang)}
      <p><a part="download" href=${this.csv(r, sections.rows, gap, trend, lang)} download="lijw-${r.edition.slug}-${lang}.csv">${this.tr('results.csv')}</a></p>`;
  }

  // ---- data: one place builds each table, which the chart, the table and the CSV all use --------

  private sectionRows(r: Results, lang: Lang): { series: Series[]; rows: Row[] } {
    const series = r.columns.map((c) => ({ key: c, label: this.columnLabel(c, lang) }));
    const rows: Row[] = [
      ...r.sections.map((s) => ({ key: s.id, label: textIn(s.title, lang), cells: r.columns.map((c) => figureOf(s.cells[c])) })),
      { key: 'index', label: this.tr('results.index'), cells: r.columns.map((c) => figureOf(r.index[c])) },
    ];
    return { series, rows };
  }

  private gapRows(r: Results, lang: Lang): { a: ColumnId; b: ColumnId; rows: { key: string; label: string; a: Figure; b: Figure }[] } | null {
    const g = r.gap;
    if (!g) return null;
    const fig = (v: number | null, cell: CellOut | undefined): Figure => (v === null ? figureOf(cell) : v);
    const rows = r.items
      ? g.items.map((i) => {
          const item = r.items!.find((x) => x.id === i.id);
          return { key: i.id, label: item ? textIn(item.text, lang) : i.id, a: fig(i.a, item?.cells[g.a]), b: fig(i.b, item?.cells[g.b]) };
        })
      : g.sections.map((s) => {
          const section = r.sections.find((x) => x.id === s.id);
          return { key: s.id, label: section ? textIn(section.title, lang) : s.id, a: fig(s.a, section?.cells[g.a]), b: fig(s.b, section?.cells[g.b]) };
        });
    return { a: g.a, b: g.b, rows };
  }

  private trendColumnOf(r: Results): ColumnId {
    return this.trendColumn && r.columns.includes(this.trendColumn) ? this.trendColumn : r.columns.includes('all') ? 'all' : r.columns[0]!;
  }

  private trendRows(r: Results, lang: Lang): { column: ColumnId; editions: string[]; rows: Row[] } | null {
    if (!r.trend || r.trend.length < 2) return null;
    const column = this.trendColumnOf(r);
    const editions = r.trend.map((p) => p.edition);
    const ids: string[] = [];
    for (const p of r.trend) for (const s of p.sections) if (!ids.includes(s.id)) ids.push(s.id);
    const title = (id: string) => textIn(r.sections.find((s) => s.id === id)?.title, lang) || id;
    const rows: Row[] = [
      { key: 'index', label: this.tr('results.index'), cells: r.trend.map((p) => figureOf(p.index[column])) },
      ...ids.map((id) => ({ key: id, label: title(id), cells: r.trend!.map((p) => figureOf(p.sections.find((s) => s.id === id)?.cells[column])) })),
    ];
    return { column, editions, rows };
  }

  /** The figures as a CSV file (a `data:` URL), in the reader's language: the same tables as on the page. */
  private csv(r: Results, sections: Row[], gap: ReturnType<NgoSurveyResults['gapRows']>, trend: ReturnType<NgoSurveyResults['trendRows']>, lang: Lang): string {
    const lines: string[][] = [];
    const put = (head: string[], rows: Row[]) => {
      lines.push(head, ...rows.map((row) => [row.label, ...row.cells.map((c) => (c !== null && typeof c === 'object' ? c.text : this.say(c, lang)))]), []);
    };
    put([this.tr('results.col.section'), ...r.columns.map((c) => this.columnLabel(c, lang))], sections);
    if (gap) put([this.tr(r.items ? 'results.col.item' : 'results.col.section'), this.columnLabel(gap.a, lang), this.columnLabel(gap.b, lang)], gap.rows.map((g) => ({ key: g.key, label: g.label, cells: [g.a, g.b] })));
    if (trend) put([`${this.tr('results.col.section')} (${this.columnLabel(trend.column, lang)})`, ...trend.editions], trend.rows);
    const text = lines.map((l) => l.map(csvField).join(',')).join('\r\n');
    // A byte-order mark, so that spreadsheets read the Polish and Ukrainian letters as UTF-8.
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${text}`)}`;
  }

  // ---- rendering ---------------------------------------------------------------------------------

  private renderRespondents(r: Results, lang: Lang): TemplateResult {
    return html`<${this.headingTag(1)}>${this.tr('results.respondents')}</${this.headingTag(1)}>
      <table class="data respondents" part="table">
        <thead><tr><th scope="col">${this.tr('results.col.group')}</th><th scope="col" class="num">${this.tr('results.col.n')}</th></tr></thead>
        <tbody>
          ${r.columns.map((c) => {
            const v = r.respondents[c];
            return html`<tr><th scope="row">${this.columnLabel(c, lang)}</th><td class="num">${v === null ? this.cellText('suppressed', lang) : v === undefined ? this.cellText(null, lang) : formatNumber(lang, v)}</td></tr>`;
          })}
        </tbody>
      </table>`;
  }

  /** A data table under a disclosure: the row header first, then the figures. */
  private table(id: string, caption: string, cols: string[], rows: Row[], lang: Lang): TemplateResult {
    return html`<details class="table">
      <summary>${this.tr('results.show_table')}<span class="ngo-sr">: ${caption}</span></summary>
      <div class="scroll" role="region" aria-labelledby="${id}-caption" tabindex="0">
        <table class="data" part="table" id=${id}>
          <caption id="${id}-caption">${caption}</caption>
          <thead><tr>${cols.map((c, k) => html`<th scope="col" class=${k ? 'num' : ''}>${c}</th>`)}</tr></thead>
          <tbody>
            ${rows.map(
              (row) => html`<tr data-key=${row.key}>
                <th scope="row">${row.label}</th>
                ${row.cells.map((f) => html`<td class="num">${f !== null && typeof f === 'object' ? f.text : this.cellText(f, lang)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  private renderSections(data: { series: Series[]; rows: Row[] }, lang: Lang): TemplateResult {
    const title = this.tr('results.sections_chart');
    const groups = data.rows.map((row) => ({ key: row.key, label: row.label, values: row.cells as Figure[] }));
    return html`<section class="block" aria-labelledby="h-sections">
      <${this.headingTag(1)} id="h-sections">${this.tr('results.sections')}</${this.headingTag(1)}>
      <div class="chart-box" part="chart">${barChart(groups, data.series, this.chartText('c-sections', title, lang), this.chartWidth)}</div>
      ${this.table('t-sections', title, [this.tr('results.col.section'), ...data.series.map((s) => s.label)], data.rows, lang)}
    </section>`;
  }

  private columnSelect(id: string, label: SurveyResultsKey, value: ColumnId, columns: ColumnId[], set: (c: ColumnId) => void, lang: Lang): TemplateResult {
    return html`<div class="ngo-field">
      <label for=${id}>${this.tr(label)}</label>
      <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value as ColumnId)}>
        ${columns.map((c) => html`<option value=${c} ?selected=${c === value}>${this.columnLabel(c, lang)}</option>`)}
      </select>
    </div>`;
  }

  private renderGap(r: Results, gap: NonNullable<ReturnType<NgoSurveyResults['gapRows']>>, lang: Lang): TemplateResult {
    const { a, b, rows } = gap;
    const la = this.columnLabel(a, lang);
    const lb = this.columnLabel(b, lang);
    const title = this.tr('results.gap_chart', { a: la, b: lb });
    const signed = (d: number) => this.signedGap(d, lang);
    const gapText = (x: Figure, y: Figure) => ({ text: typeof x === 'number' && typeof y === 'number' ? signed(x - y) : '' });
    const groups = r.columns.filter(isGroup);
    return html`<section class="block" aria-labelledby="h-gap">
      <${this.headingTag(1)} id="h-gap">${this.tr('results.gap', { a: la, b: lb })}</${this.headingTag(1)}>
      <fieldset class="pair">
        <legend>${this.tr('results.gap_pair')}</legend>
        ${this.columnSelect('gap-a', 'results.gap_a', a, groups, (c) => this.pickPair(c, c === b ? a : b), lang)}
        ${this.columnSelect('gap-b', 'results.gap_b', b, groups.filter((g) => g !== a), (c) => this.pickPair(a, c), lang)}
      </fieldset>
      <div class="chart-box" part="chart" aria-busy=${this.results.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${gapChart(rows, [{ key: a, label: la }, { key: b, label: lb }], { ...this.chartText('c-gap', title, lang), gap: signed }, this.chartWidth)}
      </div>
      ${this.table('t-gap', title, [this.tr(r.items ? 'results.col.item' : 'results.col.section'), la, lb, this.tr('results.col.gap')], rows.map((row) => ({ key: row.key, label: row.label, cells: [row.a, row.b, gapText(row.a, row.b)] })), lang)}
    </section>`;
  }

  /** A new pair for the gap (two different groups): the server computes it. */
  private pickPair(a: ColumnId, b: ColumnId): void {
    this.gapA = a;
    this.gapB = b;
  }

  private renderTrend(r: Results, trend: NonNullable<ReturnType<NgoSurveyResults['trendRows']>>, lang: Lang): TemplateResult {
    const title = this.tr('results.trend_chart', { group: this.columnLabel(trend.column, lang) });
    const lines = trend.rows.map((row) => ({ key: row.key, label: row.label, points: row.cells as Figure[] }));
    return html`<section class="block" aria-labelledby="h-trend">
      <${this.headingTag(1)} id="h-trend">${this.tr('results.trend')}</${this.headingTag(1)}>
      ${this.columnSelect('trend-col', 'results.trend_group', trend.column, r.columns, (c) => (this.trendColumn = c), lang)}
      <div class="chart-box" part="chart">${trendChart(trend.editions, lines, this.chartText('c-trend', title, lang), this.chartWidth)}</div>
      ${this.table('t-trend', title, [this.tr('results.col.section'), ...trend.editions], trend.rows, lang)}
    </section>`;
  }

  private renderIndicators(r: Results, lang: Lang): TemplateResult | typeof nothing {
    if (!r.indicators?.length) return nothing;
    const day = (d: string) => formatDate(lang, `${d}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
    const value = (v: number, unit: 'count' | 'percent' | 'days') =>
      unit === 'percent' ? `${formatNumber(lang, v)} %` : unit === 'days' ? tsr(lang, 'results.days', { count: v }) : formatNumber(lang, v);
    return html`<section class="block" aria-labelledby="h-indicators">
      <${this.headingTag(1)} id="h-indicators">${this.tr('results.indicators')}</${this.headingTag(1)}>
      <p class="ngo-hint">${this.tr('results.indicators_note', { from: day(r.edition.periodFrom), to: day(r.edition.periodTo) })}</p>
      <dl class="indicators">
        ${r.indicators.map((i) => html`<div data-key="${i.module}.${i.key}"><dt>${i.label}</dt><dd>${value(i.value, i.unit)}</dd></div>`)}
      </dl>
    </section>`;
  }

  private renderMeeting(r: Results, lang: Lang): TemplateResult | typeof nothing {
    const agreed = r.sections.filter((s) => s.agreed !== null);
    if (!agreed.length && !r.recommendations.length) return nothing;
    const day = (d: string) => formatDate(lang, `${d}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
    const shown = r.sections.filter((s) => s.agreed !== null || r.recommendations.some((x) => x.section === s.id));
    return html`<section class="block" aria-labelledby="h-meeting">
      <${this.headingTag(1)} id="h-meeting">${this.tr('results.recommendations')}</${this.headingTag(1)}>
      ${shown.map((s) => {
        const recs = r.recommendations.filter((x) => x.section === s.id);
        return html`<${this.headingTag(2)}>${textIn(s.title, lang)}</${this.headingTag(2)}>
          ${s.agreed !== null ? html`<p><strong>${this.tr('results.agreed')}:</strong> ${formatNumber(lang, s.agreed)}</p>` : nothing}
          ${recs.length
            ? html`<ul class="recs">
                ${recs.map(
                  (x) => html`<li>
                    <p>${x.text}</p>
                    <p class="ngo-hint">${this.tr('results.rec_owner', { owner: x.owner, deadline: day(x.deadline) })} ·
                      ${this.tr('results.rec_status', { status: this.tr(`results.rec.${x.status}`) })}${x.statusNote ? ` – ${x.statusNote}` : ''}</p>
                  </li>`,
                )}
              </ul>`
            : nothing}`;
      })}
    </section>`;
  }
}
