import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Instrument, RespondentGroup } from '../../common/surveys.js';
import { GROUP_LABELS, findItem, textIn } from '../../common/surveys.js';
import type { Cell, Column, EditionScores } from '../../common/surveys.scoring.js';
import { perceptionGaps, round1, trendOf } from '../../common/surveys.scoring.js';
import { ApiError, asApiError } from '../core/api.js';
import { NgoElement } from '../core/base.element.js';
import { formatDate, formatNumber, type Lang } from '../core/i18n/index.js';
import { theme } from '../core/theme.js';
import { editionPath, getResults, type PublishedResults } from './surveys.api.js';
import { barChart, gapChart, trendChart, type ChartText, type Figure, type Series } from './surveys.charts.js';
import { ts, type SurveysKey } from './surveys.i18n.js';
import { chartStyles, resultsStyles } from './surveys.styles.js';

/** A cell as the charts and the tables both show it: one decimal, "suppressed", or no data. */
export const figureOf = (c: Cell | undefined): Figure => (!c ? null : c.suppressed ? 'suppressed' : round1(c.score));

const isGroup = (c: Column): c is RespondentGroup => c !== 'all';

/**
 * The published results of one LIJW edition: bars per section by group, the perception gap item by
 * item between two groups the reader picks (NGOs and officials first), and the trend over the
 * published editions; every chart is drawn here in SVG (no chart library), has a text alternative,
 * and a data table beside it with the very same figures. A cell with fewer than 5 respondents shows
 * "n < 5", never 0. Also: the objective indicators, the scores the joint working group agreed and
 * its recommendations with their status, and a CSV of the figures.
 *
 * @tag ngo-survey-results
 * @attr survey - The survey's id (default `lijw`).
 * @attr edition - The edition (its slug, e.g. `2025`).
 * @attr lang - `pl` (default), `en` or `uk`; without it the nearest `lang` in the page applies.
 * @attr api-base - Where the API lives; defaults to the server the script came from.
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
  protected static override translators = [ts];
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
  declare private gapA: Column | '';
  declare private gapB: Column | '';
  declare private trendColumn: Column | '';
  /** Width of the content box, for drawing the charts at their real size. */
  declare private width: number;
  private resize?: ResizeObserver;

  private results = new Task(this, {
    args: () => [this.api, this.survey, this.edition] as const,
    task: ([api, survey, edition], { signal }) => (edition && this.valid ? getResults(api, survey, edition, signal) : Promise.resolve(null)),
  });

  constructor() {
    super();
    this.survey = 'lijw';
    this.edition = '';
    this.gapA = this.gapB = this.trendColumn = '';
    this.width = 640;
  }

  private get valid(): boolean {
    return /^[a-z][a-z0-9_-]{0,47}$/.test(this.survey) && /^[A-Za-z0-9][A-Za-z0-9_-]{0,47}$/.test(this.edition);
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

  private tr(key: SurveysKey | 'loading' | 'retry', vars?: Record<string, string | number>): string {
    return ts(this.locale, key, vars);
  }

  private columnLabel(c: Column, lang: Lang): string {
    return isGroup(c) ? GROUP_LABELS[c][lang] : this.tr('results.all');
  }

  private chartText(id: string, title: string, lang: Lang): ChartText {
    return { id, title, format: (v) => formatNumber(lang, v), suppressed: this.tr('results.suppressed'), noData: this.tr('results.no_data') };
  }

  /** A figure as a table cell: the number, "n < 5" (with its meaning for screen readers), or "no data". */
  private cellText(f: Figure, lang: Lang): TemplateResult {
    if (f === 'suppressed') return html`<span class="suppressed" title=${this.tr('results.suppressed_long')}>${this.tr('results.suppressed')}<span class="ngo-sr"> (${this.tr('results.suppressed_long')})</span></span>`;
    if (f === null) return html`<span class="suppressed">${this.tr('results.no_data')}</span>`;
    return html`${formatNumber(lang, f)}`;
  }

  override render() {
    if (!this.edition) return this.warnMisconfig('edition is missing');
    if (!this.valid) return this.warnMisconfig(`survey="${this.survey}" edition="${this.edition}" is not a survey edition`);
    const err = this.results.error;
    if (err instanceof ApiError && err.status === 404) return this.warnMisconfig(`edition "${this.edition}" of "${this.survey}" was not found`, this.tr('results.not_found'));
    const r = this.results.value;
    const lang = this.locale;
    return html`<section class="ngo-root results" part="base" lang=${lang} aria-label=${this.tr('results.region')}>
      ${r
        ? this.renderResults(r, lang)
        : err
          ? err instanceof ApiError && err.code === 'survey_not_published'
            ? html`<p class="notice">${this.tr('results.not_published')}</p>`
            : html`<div role="alert"><p class="ngo-error">${ts.error(lang, asApiError(err))}</p><button type="button" @click=${() => void this.results.run()}>${this.tr('retry')}</button></div>`
          : html`<p>${this.tr('loading')}</p>`}
    </section>`;
  }

  private renderResults(r: PublishedResults, lang: Lang): TemplateResult {
    const title = textIn(r.title, lang) || textIn(r.instrument.title, lang);
    if (r.columns.length === 0) {
      return html`<h2>${this.tr('results.title', { title, edition: r.edition.slug })}</h2><p class="notice">${this.tr('results.not_published')}</p>`;
    }
    return html`<h2 id="results-title">${this.tr('results.title', { title, edition: r.edition.slug })}</h2>
      <p class="ngo-hint">${this.tr('results.scale_note')}</p>
      ${this.renderRespondents(r, lang)} ${this.renderSections(r, lang)} ${this.renderGap(r, lang)} ${this.renderTrend(r, lang)}
      ${this.renderIndicators(r, lang)} ${this.renderMeeting(r, lang)}
      <p><a part="download" href=${`${this.api}${editionPath(this.survey, r.edition.slug)}/results.csv?lang=${lang}`} download>${this.tr('results.csv')}</a></p>`;
  }

  private renderRespondents(r: PublishedResults, lang: Lang): TemplateResult {
    const n = r.scores.respondents;
    return html`<h3>${this.tr('results.respondents')}</h3>
      <table class="data respondents" part="table">
        <thead><tr><th scope="col">${this.tr('results.col.group')}</th><th scope="col" class="num">${this.tr('results.col.n')}</th></tr></thead>
        <tbody>
          ${r.columns.map((c) => {
            const v = n[c];
            return html`<tr><th scope="row">${this.columnLabel(c, lang)}</th><td class="num">${v === null ? this.cellText('suppressed', lang) : formatNumber(lang, v)}</td></tr>`;
          })}
        </tbody>
      </table>`;
  }

  /** A data table under a disclosure: `rows` × `cols` of figures, the row header first. */
  private table(id: string, caption: string, cols: string[], rows: { key: string; label: string; cells: (Figure | { text: string })[] }[], lang: Lang): TemplateResult {
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

  private sectionTitle(ins: Instrument, id: string, lang: Lang): string {
    return textIn(ins.sections.find((s) => s.id === id)?.title, lang) || id;
  }

  private renderSections(r: PublishedResults, lang: Lang): TemplateResult {
    const series: Series[] = r.columns.map((c) => ({ key: c, label: this.columnLabel(c, lang) }));
    const groups = [
      ...r.scores.sections.map((s) => ({ key: s.id, label: this.sectionTitle(r.instrument, s.id, lang), values: r.columns.map((c) => figureOf(s.cells[c])) })),
      { key: 'index', label: this.tr('results.index'), values: r.columns.map((c) => figureOf(r.scores.index[c])) },
    ];
    const title = this.tr('results.sections_chart');
    return html`<section class="block" aria-labelledby="h-sections">
      <h3 id="h-sections">${this.tr('results.sections')}</h3>
      <div class="chart-box" part="chart">${barChart(groups, series, this.chartText('c-sections', title, lang), this.chartWidth)}</div>
      ${this.table('t-sections', title, [this.tr('results.col.section'), ...series.map((s) => s.label)], groups.map((g) => ({ key: g.key, label: g.label, cells: g.values })), lang)}
    </section>`;
  }

  private get chartWidth(): number {
    return Math.max(280, Math.min(this.width, 900));
  }

  /** The pair compared: the reader's choice, else NGOs and officials, else the first two published groups. */
  private gapPair(r: PublishedResults): [Column, Column] | null {
    const groups = r.columns.filter(isGroup);
    if (groups.length < 2) return null;
    const a = this.gapA && r.columns.includes(this.gapA) ? this.gapA : groups.includes('ngo') ? 'ngo' : groups[0]!;
    const fallbackB = groups.includes('official') && a !== 'official' ? 'official' : groups.find((g) => g !== a)!;
    const b = this.gapB && r.columns.includes(this.gapB) && this.gapB !== a ? this.gapB : fallbackB;
    return [a, b];
  }

  private pairSelect(id: string, label: SurveysKey, value: Column, columns: Column[], set: (c: Column) => void, lang: Lang): TemplateResult {
    return html`<div class="ngo-field">
      <label for=${id}>${this.tr(label)}</label>
      <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value as Column)}>
        ${columns.map((c) => html`<option value=${c} ?selected=${c === value}>${this.columnLabel(c, lang)}</option>`)}
      </select>
    </div>`;
  }

  private renderGap(r: PublishedResults, lang: Lang): TemplateResult | typeof nothing {
    const pair = this.gapPair(r);
    if (!pair) return nothing;
    const [a, b] = pair;
    const gaps = perceptionGaps(r.scores, a, b);
    const la = this.columnLabel(a, lang);
    const lb = this.columnLabel(b, lang);
    const fig = (v: number | null, cell: Cell | undefined): Figure => (v === null ? figureOf(cell) : round1(v));
    const itemLabel = (id: string) => {
      const found = findItem(r.instrument, id);
      return found ? textIn(found.item.text, lang) : id;
    };
    const rows = r.items
      ? gaps.items.map((g) => {
          const scores = r.scores.items.find((i) => i.id === g.id)!;
          return { key: g.id, label: itemLabel(g.id), a: fig(g.a, scores.cells[a]), b: fig(g.b, scores.cells[b]) };
        })
      : gaps.sections.map((g) => {
          const s = r.scores.sections.find((x) => x.id === g.id)!;
          return { key: g.id, label: this.sectionTitle(r.instrument, g.id, lang), a: fig(g.a, s.cells[a]), b: fig(g.b, s.cells[b]) };
        });
    const signed = (d: number) => {
      const v = round1(d)!;
      return this.tr('results.gap_value', { value: `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(lang, Math.abs(v))}` });
    };
    const gapOf = (x: Figure, y: Figure) => (typeof x === 'number' && typeof y === 'number' ? signed(round1(x - y)!) : '');
    const title = this.tr('results.gap_chart', { a: la, b: lb });
    const groups = r.columns.filter(isGroup);
    return html`<section class="block" aria-labelledby="h-gap">
      <h3 id="h-gap">${this.tr('results.gap', { a: la, b: lb })}</h3>
      <fieldset class="pair">
        <legend>${this.tr('results.gap_pair')}</legend>
        ${this.pairSelect('gap-a', 'results.gap_a', a, groups, (c) => (this.gapA = c), lang)}
        ${this.pairSelect('gap-b', 'results.gap_b', b, groups.filter((g) => g !== a), (c) => (this.gapB = c), lang)}
      </fieldset>
      <div class="chart-box" part="chart">
        ${gapChart(rows, [{ key: a, label: la }, { key: b, label: lb }], { ...this.chartText('c-gap', title, lang), gap: signed }, this.chartWidth)}
      </div>
      ${this.table('t-gap', title, [this.tr(r.items ? 'results.col.item' : 'results.col.section'), la, lb, this.tr('results.col.gap')], rows.map((row) => ({ key: row.key, label: row.label, cells: [row.a, row.b, { text: gapOf(row.a, row.b) }] })), lang)}
    </section>`;
  }

  private renderTrend(r: PublishedResults, lang: Lang): TemplateResult | typeof nothing {
    if (r.trend.length < 2) return nothing;
    const column = this.trendColumn && r.columns.includes(this.trendColumn) ? this.trendColumn : r.columns.includes('all') ? 'all' : r.columns[0]!;
    const trend = trendOf(r.trend, column);
    const editions = r.trend.map((e) => e.edition);
    const fig = (p: { score: number | null; suppressed: unknown }): Figure => (p.suppressed ? 'suppressed' : round1(p.score));
    const lines = [
      { key: 'index', label: this.tr('results.index'), points: trend.index.map(fig) },
      ...trend.sections.map((s) => ({ key: s.id, label: this.sectionTitle(r.instrument, s.id, lang), points: s.points.map(fig) })),
    ];
    const title = this.tr('results.trend_chart', { group: this.columnLabel(column, lang) });
    return html`<section class="block" aria-labelledby="h-trend">
      <h3 id="h-trend">${this.tr('results.trend')}</h3>
      ${this.pairSelect('trend-col', 'results.trend_group', column, r.columns, (c) => (this.trendColumn = c), lang)}
      <div class="chart-box" part="chart">${trendChart(editions, lines, this.chartText('c-trend', title, lang), this.chartWidth)}</div>
      ${this.table('t-trend', title, [this.tr('results.col.section'), ...editions], lines.map((l) => ({ key: l.key, label: l.label, cells: l.points })), lang)}
    </section>`;
  }

  private renderIndicators(r: PublishedResults, lang: Lang): TemplateResult | typeof nothing {
    if (!r.indicators.length) return nothing;
    const day = (d: string) => formatDate(lang, `${d}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
    return html`<section class="block" aria-labelledby="h-indicators">
      <h3 id="h-indicators">${this.tr('results.indicators')}</h3>
      <p class="ngo-hint">${this.tr('results.indicators_note', { from: day(r.edition.periodFrom), to: day(r.edition.periodTo) })}</p>
      <dl class="indicators">
        ${r.indicators.map((i) => html`<div><dt>${textIn(i.label, lang)}</dt><dd>${formatNumber(lang, i.value)}${i.unit ? ` ${textIn(i.unit, lang)}` : ''}</dd></div>`)}
      </dl>
    </section>`;
  }

  private renderMeeting(r: PublishedResults, lang: Lang): TemplateResult | typeof nothing {
    if (!r.agreed.length && !r.recommendations.length) return nothing;
    const sections = [...new Set([...r.agreed.map((a) => a.section), ...r.recommendations.map((x) => x.section)])];
    return html`<section class="block" aria-labelledby="h-meeting">
      <h3 id="h-meeting">${this.tr('results.recommendations')}</h3>
      ${sections.map((id) => {
        const agreed = r.agreed.find((a) => a.section === id);
        const recs = r.recommendations.filter((x) => x.section === id);
        return html`<h4>${this.sectionTitle(r.instrument, id, lang)}</h4>
          ${agreed ? html`<p><strong>${this.tr('results.agreed')}:</strong> ${formatNumber(lang, round1(agreed.score)!)}${agreed.note ? html` – ${agreed.note}` : nothing}</p>` : nothing}
          ${recs.length
            ? html`<ul class="recs">
                ${recs.map(
                  (x) => html`<li>
                    <p>${x.text}</p>
                    <p class="ngo-hint">${this.tr('results.rec_owner', { owner: x.owner, deadline: formatDate(lang, `${x.deadline}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }) })} ·
                      ${this.tr('results.rec_status', { status: this.tr(`results.rec.${x.status}`) })}${x.statusNote ? ` – ${x.statusNote}` : ''}</p>
                  </li>`,
                )}
              </ul>`
            : nothing}`;
      })}
    </section>`;
  }
}

/** For tests and hosts that build results themselves. */
export type { EditionScores };
