import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/**
 * The survey's charts: small pure functions from figures to SVG, drawn at the pixel width they are
 * given (so text stays legible on a phone), with no chart library. Each chart is `role="img"` with
 * a `<title>` and a `<desc>` that says every value in words, and every mark has its own `<title>`.
 * Series are told apart by shape and by a text label as well as by colour. A suppressed value
 * (fewer than 5 respondents) is drawn as a dashed, labelled placeholder, never as a zero.
 * The widget shows a data table with the same figures beside each chart.
 */

/** A figure: 0–100, `null` for no data, or `'suppressed'`. */
export type Figure = number | null | 'suppressed';

export interface ChartText {
  /** Id prefix, unique within the shadow root (the chart's `<title>`/`<desc>` ids). */
  id: string;
  title: string;
  /** Formats a score for display (locale decimal separator). */
  format: (v: number) => string;
  /** Shown instead of a suppressed value: "n < 5". */
  suppressed: string;
  /** Shown instead of a missing value: "no data". */
  noData: string;
}

export interface Series { key: string; label: string }

/** Colours by series position, overridable with `--ngo-survey-color-1` … `-6`. */
const COLORS = ['#0050a0', '#b34700', '#2f7d32', '#7b3fa0', '#a3006d', '#5c5c5c'];
export const seriesColor = (i: number) => `var(--ngo-survey-color-${(i % COLORS.length) + 1}, ${COLORS[i % COLORS.length]})`;

/** Marker shapes by series position, so that colour is never the only difference. */
export function marker(i: number, x: number, y: number, r = 5, hollow = false): SVGTemplateResult {
  const fill = hollow ? 'var(--_ngo-bg, #fff)' : seriesColor(i);
  const stroke = seriesColor(i);
  switch (i % 4) {
    case 0:
      return svg`<circle cx=${x} cy=${y} r=${r} fill=${fill} stroke=${stroke} stroke-width="2"></circle>`;
    case 1:
      return svg`<rect x=${x - r} y=${y - r} width=${2 * r} height=${2 * r} fill=${fill} stroke=${stroke} stroke-width="2"></rect>`;
    case 2:
      return svg`<path d="M${x} ${y - r - 1}L${x + r + 1} ${y + r}H${x - r - 1}Z" fill=${fill} stroke=${stroke} stroke-width="2"></path>`;
    default:
      return svg`<path d="M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z" fill=${fill} stroke=${stroke} stroke-width="2"></path>`;
  }
}

/** Splits `text` into lines of at most about `max` characters, at spaces. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const say = (v: Figure, t: ChartText) => (v === 'suppressed' ? t.suppressed : v === null ? t.noData : t.format(v));
/** Average width of a character at 13 px, for wrapping (a little generous for Polish and Cyrillic). */
const CHAR = 7.2;
const FONT = 13;

function frame(t: ChartText, width: number, height: number, desc: string, body: unknown): TemplateResult {
  // The outer <svg> belongs in an html template; its content is svg fragments.
  return html`<svg class="chart" role="img" aria-labelledby="${t.id}-title ${t.id}-desc" width=${width} height=${height} viewBox="0 0 ${width} ${height}" font-size=${FONT} font-family="inherit">
    <title id="${t.id}-title">${t.title}</title>
    <desc id="${t.id}-desc">${desc}</desc>
    ${body}
  </svg>`;
}

/** Gridlines and labels at 0, 25, 50, 75 and 100 along a horizontal axis from `x0` to `x1`. */
function xAxis(x0: number, x1: number, top: number, bottom: number, t: ChartText) {
  return [0, 25, 50, 75, 100].map((v) => {
    const x = x0 + ((x1 - x0) * v) / 100;
    return svg`<line x1=${x} x2=${x} y1=${top} y2=${bottom} stroke="var(--_ngo-border, #767676)" stroke-opacity="0.35"></line>
      <text x=${x} y=${bottom + 14} text-anchor="middle" fill="var(--_ngo-muted, #555)">${t.format(v)}</text>`;
  });
}

export interface BarGroup { key: string; label: string; values: Figure[] }

/**
 * Bars per section by group: for each section (a `BarGroup`) one horizontal bar per series, the
 * series label on the left of each bar and the value at its end.
 */
export function barChart(groups: readonly BarGroup[], series: readonly Series[], t: ChartText, width: number): TemplateResult {
  // Series labels sit left of their bars when the longest fits in about 40 % of the width; on a
  // narrow screen each label gets a line of its own above its bar instead of being cut off.
  const longest = Math.max(0, ...series.map((s) => s.label.length)) * CHAR;
  const stacked = longest > width * 0.4;
  const labelW = stacked ? 0 : Math.min(Math.ceil(longest), Math.round(width * 0.4));
  const x0 = stacked ? 0 : labelW + 8;
  const x1 = width - 56;
  const bar = 16;
  const gap = 4;
  const maxChars = Math.floor((width - 8) / CHAR);
  let y = 4;
  const parts: unknown[] = [];
  const desc: string[] = [];
  for (const g of groups) {
    const titleLines = wrapText(g.label, maxChars);
    parts.push(svg`<text x="0" y=${y + FONT} font-weight="600" fill="var(--_ngo-text, #1b1b1b)">${titleLines.map((l, k) => svg`<tspan x="0" dy=${k ? FONT + 3 : 0}>${l}</tspan>`)}</text>`);
    y += titleLines.length * (FONT + 3) + 6;
    desc.push(`${g.label}: ${series.map((s, i) => `${s.label} ${say(g.values[i] ?? null, t)}`).join('; ')}.`);
    series.forEach((s, i) => {
      const v = g.values[i] ?? null;
      let label: SVGTemplateResult;
      if (stacked) {
        label = svg`<text x="0" y=${y + FONT - 2} fill="var(--_ngo-text, #1b1b1b)">${s.label}</text>`;
        y += FONT + 2;
      } else label = svg`<text x=${labelW} y=${y + bar - 4} text-anchor="end" fill="var(--_ngo-text, #1b1b1b)">${s.label}</text>`;
      if (typeof v === 'number') {
        const w = Math.max(1, ((x1 - x0) * v) / 100);
        parts.push(svg`${label}<rect class="bar" data-series=${s.key} data-value=${v} x=${x0} y=${y} width=${w} height=${bar} fill=${seriesColor(i)}><title>${g.label}, ${s.label}: ${t.format(v)}</title></rect>
          <text x=${x0 + w + 4} y=${y + bar - 4} fill="var(--_ngo-text, #1b1b1b)">${t.format(v)}</text>`);
      } else {
        parts.push(svg`${label}<rect class=${v === 'suppressed' ? 'bar-suppressed' : 'bar-missing'} data-series=${s.key} x=${x0} y=${y} width=${x1 - x0} height=${bar} fill="none" stroke="var(--_ngo-border, #767676)" stroke-dasharray="4 3"><title>${g.label}, ${s.label}: ${say(v, t)}</title></rect>
          <text x=${x0 + 6} y=${y + bar - 4} fill="var(--_ngo-muted, #555)" font-style="italic">${say(v, t)}</text>`);
      }
      y += bar + gap + (stacked ? 4 : 0);
    });
    y += 10;
  }
  const top = 0;
  const height = y + 20;
  return frame(t, width, height, desc.join(' '), [xAxis(x0, x1, top, y - 6, t), parts]);
}

export interface GapRow { key: string; label: string; a: Figure; b: Figure }

/**
 * The gap chart, item by item: for each row (an item or a section) the two groups' scores as two
 * markers on one 0–100 track, joined by a line, with the difference at the right.
 */
export function gapChart(rows: readonly GapRow[], pair: readonly [Series, Series], t: ChartText & { gap: (d: number) => string }, width: number): TemplateResult {
  // The difference is written right of the track: keep room for the longest one.
  const gapTexts = rows.map((r) => (typeof r.a === 'number' && typeof r.b === 'number' ? t.gap(r.a - r.b) : ''));
  const x0 = 8;
  const x1 = width - Math.max(70, Math.ceil(Math.max(0, ...gapTexts.map((g) => g.length)) * CHAR) + 16);
  const maxChars = Math.floor((width - 8) / CHAR);
  let y = 4;
  const parts: unknown[] = [];
  const desc: string[] = [];
  // Legend: side by side when both names fit, else one under the other.
  const side = pair.every((s) => 16 + s.label.length * CHAR < width / 2);
  pair.forEach((s, i) => {
    const lx = side ? 8 + i * Math.min(220, width / 2) : 8;
    parts.push(svg`${marker(i, lx + 5, y + 8)}<text x=${lx + 16} y=${y + 12} fill="var(--_ngo-text, #1b1b1b)">${s.label}</text>`);
    if (!side) y += 20;
  });
  y += side ? 28 : 8;
  const trackTop = y;
  for (const r of rows) {
    const lines = wrapText(r.label, maxChars);
    parts.push(svg`<text x="0" y=${y + FONT} fill="var(--_ngo-text, #1b1b1b)">${lines.map((l, k) => svg`<tspan x="0" dy=${k ? FONT + 3 : 0}>${l}</tspan>`)}</text>`);
    y += lines.length * (FONT + 3) + 8;
    const cy = y;
    const pos = (v: number) => x0 + ((x1 - x0) * v) / 100;
    parts.push(svg`<line x1=${x0} x2=${x1} y1=${cy} y2=${cy} stroke="var(--_ngo-border, #767676)" stroke-opacity="0.5"></line>`);
    const { a, b } = r;
    if (typeof a === 'number' && typeof b === 'number') {
      const d = a - b;
      parts.push(svg`<g class="gap" data-key=${r.key} data-a=${a} data-b=${b}><title>${r.label}: ${pair[0].label} ${t.format(a)}, ${pair[1].label} ${t.format(b)}, ${t.gap(d)}</title>
        <line x1=${pos(a)} x2=${pos(b)} y1=${cy} y2=${cy} stroke="var(--_ngo-text, #1b1b1b)" stroke-width="3"></line>
        ${marker(0, pos(a), cy, 6)}${marker(1, pos(b), cy, 6)}</g>
        <text x=${width - 4} y=${cy + 4} text-anchor="end" font-weight="600" fill="var(--_ngo-text, #1b1b1b)">${t.gap(d)}</text>`);
      desc.push(`${r.label}: ${pair[0].label} ${t.format(a)}, ${pair[1].label} ${t.format(b)}, ${t.gap(d)}.`);
    } else {
      const why = a === 'suppressed' || b === 'suppressed' ? t.suppressed : t.noData;
      parts.push(svg`<text class="gap-missing" data-key=${r.key} x=${width - 4} y=${cy + 4} text-anchor="end" fill="var(--_ngo-muted, #555)" font-style="italic">${why}</text>`);
      desc.push(`${r.label}: ${pair[0].label} ${say(a, t)}, ${pair[1].label} ${say(b, t)}.`);
    }
    y += 18;
  }
  return frame(t, width, y + 20, desc.join(' '), [xAxis(x0, x1, trackTop, y - 6, t), parts]);
}

export interface TrendLine { key: string; label: string; points: Figure[] }

/**
 * The trend over editions: one line per series over the editions (oldest first). A missing or
 * suppressed point breaks the line; a suppressed one is marked with a hollow marker on the axis.
 */
export function trendChart(editions: readonly string[], lines: readonly TrendLine[], t: ChartText, width: number): TemplateResult {
  const left = 36;
  const right = width - 12;
  const top = 12;
  const plotH = 180;
  const bottom = top + plotH;
  const n = Math.max(1, editions.length - 1);
  const xAt = (k: number) => (editions.length === 1 ? (left + right) / 2 : left + ((right - left) * k) / n);
  const yAt = (v: number) => bottom - (plotH * v) / 100;
  const parts: unknown[] = [];
  for (const v of [0, 25, 50, 75, 100]) {
    parts.push(svg`<line x1=${left} x2=${right} y1=${yAt(v)} y2=${yAt(v)} stroke="var(--_ngo-border, #767676)" stroke-opacity="0.35"></line>
      <text x=${left - 6} y=${yAt(v) + 4} text-anchor="end" fill="var(--_ngo-muted, #555)">${t.format(v)}</text>`);
  }
  editions.forEach((e, k) => parts.push(svg`<text x=${xAt(k)} y=${bottom + 16} text-anchor="middle" fill="var(--_ngo-text, #1b1b1b)">${e}</text>`));
  const desc: string[] = [];
  lines.forEach((line, i) => {
    let d = '';
    let pen = false;
    line.points.forEach((v, k) => {
      if (typeof v === 'number') {
        d += `${pen ? 'L' : 'M'}${xAt(k)} ${yAt(v)}`;
        pen = true;
      } else pen = false;
    });
    if (d) parts.push(svg`<path class="trend" data-series=${line.key} d=${d} fill="none" stroke=${seriesColor(i)} stroke-width="2.5"></path>`);
    line.points.forEach((v, k) => {
      const label = `${line.label}, ${editions[k]}: ${say(v, t)}`;
      if (typeof v === 'number') parts.push(svg`<g class="point" data-series=${line.key} data-value=${v}><title>${label}</title>${marker(i, xAt(k), yAt(v))}</g>`);
      else if (v === 'suppressed') parts.push(svg`<g class="point-suppressed" data-series=${line.key}><title>${label}</title>${marker(i, xAt(k), bottom, 5, true)}</g>`);
    });
    desc.push(`${line.label}: ${line.points.map((v, k) => `${editions[k]} ${say(v, t)}`).join(', ')}.`);
  });
  // Legend under the axis, one row per series: marker, then the label.
  let y = bottom + 32;
  lines.forEach((line, i) => {
    parts.push(svg`${marker(i, 8, y - 4)}<text x="20" y=${y} fill="var(--_ngo-text, #1b1b1b)">${line.label}</text>`);
    y += 20;
  });
  return frame(t, width, y + 4, desc.join(' '), parts);
}
