import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { html, page } from '../core/html.js';
import { toCsv } from '../core/export.js';
import { buildReport, reportHtml, reportTable, warsawDateTime, type ReportRemark } from './consultations.report.js';

const consultation = {
  id: 'c1', title: 'Program <b>2027</b>', goal: 'Cel', subject: 'Projekt uchwały', unitName: 'MOWIS', legalBasis: 'Art. 5 ust. 5', audience: 'all' as const, district: null,
  startsAt: '2026-03-20T07:00:00.000Z', endsAt: '2026-03-29T10:00:00.000Z', reportedAt: '2026-04-02T08:00:00.000Z',
};
const units = [
  { id: 'u2', label: '§ 2', text: 'Drugi.', position: 2 },
  { id: 'u1', label: '§ 1', text: 'Pierwszy.', position: 1 },
  { id: 'u3', label: '§ 3', text: 'Trzeci.', position: 3 },
];
let n = 0;
const remark = (over: Partial<ReportRemark>): ReportRemark => ({
  id: `r${++n}`, unitId: null, currentWording: '', proposedWording: 'Nowe', justification: 'Bo tak.', authorType: 'ngo', organisationName: 'Fundacja',
  supporters: [], createdAt: `2026-03-2${n % 9}T10:00:00.000Z`, decision: 'accepted', response: 'Tak.', ...over,
});

describe('buildReport', () => {
  it('groups by unit in document order, whole-document remarks first, skipping units without remarks, and numbers the remarks', () => {
    const r = buildReport(consultation, units, [
      remark({ unitId: 'u2', createdAt: '2026-03-21T10:00:00.000Z' }),
      remark({ unitId: null, createdAt: '2026-03-25T10:00:00.000Z' }),
      remark({ unitId: 'u1', createdAt: '2026-03-24T10:00:00.000Z' }),
      remark({ unitId: 'u2', createdAt: '2026-03-20T10:00:00.000Z' }),
    ]);
    expect(r.groups.map((g) => [g.label, g.remarks.map((x) => x.no)])).toEqual([[null, [1]], ['§ 1', [2]], ['§ 2', [3, 4]]]);
    expect(r.groups[2]!.remarks.map((x) => x.createdAt)).toEqual(['2026-03-20T10:00:00.000Z', '2026-03-21T10:00:00.000Z']);
  });

  it('counts by author type and decision, with zeros, and totals remarks and supports', () => {
    const r = buildReport(consultation, units, [
      remark({ authorType: 'resident', organisationName: null, decision: 'not_accepted', supporters: [{ organisationName: 'A' }] }),
      remark({ authorType: 'ngo', decision: 'not_accepted', supporters: [{ organisationName: 'B' }, { organisationName: 'C' }] }),
      remark({ authorType: 'ngo', decision: null, response: null }),
    ]);
    expect(r.byAuthorType).toEqual({ ngo: 2, informal_group: 0, resident: 1, district_council: 0, institution: 0 });
    expect(r.byDecision).toEqual({ accepted: 0, partly_accepted: 0, not_accepted: 2, out_of_scope: 0, none: 1 });
    expect([r.total, r.supports]).toEqual([3, 3]);
  });
});

describe('report rendering', () => {
  const report = buildReport(consultation, units, [
    remark({ unitId: 'u1', authorType: 'resident', organisationName: null, justification: '</dd><script>x()</script>' }),
    remark({ unitId: 'u3', proposedWording: '-1+cmd|calc', decision: 'out_of_scope', response: '=1+1' }),
  ]);

  it('renders a standalone A4 page in the chosen language, escaping every text', () => {
    const html = reportHtml(report, 'en');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('@page { size: A4; margin: 2cm 2cm 2.5cm; @bottom-center { content: "Page " counter(page) " / " counter(pages)');
    // A unit's heading and text stay with the first remark; the sign-off block has its three lines.
    expect(html).toContain('h1, h2, h3, h4, .unit-text { break-after: avoid');
    expect(html).toContain('section > h3 + article, section > .unit-text + article { break-before: avoid');
    expect(html.match(/<section class="sign-off"[\s\S]*?<\/section>/)![0].match(/<th scope="row">[^<]+/g)).toEqual(['<th scope="row">Prepared by', '<th scope="row">Approved by', '<th scope="row">Date']);
    expect(html).toContain('Program &lt;b&gt;2027&lt;/b&gt;');
    expect(html).toContain('&lt;/dd&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Resident');
    expect(html).toContain('Out of scope');
    expect(html).toContain('20 March 2026');
    expect(html).toContain('<dt>Who may remark</dt><dd>Everyone: residents, organisations and institutions</dd><dt>Area</dt><dd>The whole of Kraków</dd>');
    expect(reportHtml(report, 'pl')).toContain('Mieszkaniec/mieszkanka');
  });

  it('writes CSV rows per remark and a summary, formula-safe', () => {
    const rows = parseCsv(toCsv(reportTable(report, 'pl').columns, reportTable(report, 'pl').rows).replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]![0]).toBe('Lp.');
    expect(rows[1]!.slice(0, 4)).toEqual(['1', '§ 1', 'Mieszkaniec/mieszkanka', 'Mieszkaniec/mieszkanka']);
    expect(rows[2]![5]).toBe("'-1+cmd|calc");
    expect(rows[2]![10]).toBe("'=1+1");
    const summary = new Map(rows.filter((r) => r[0] && !/^\d+$/.test(r[0])).map((r) => [r[0], r[1]]));
    expect(summary.get('Razem uwag')).toBe('2');
    expect(summary.get('Poza zakresem konsultacji')).toBe('1');
    expect(summary.get('Organizacja pozarządowa')).toBe('1');
  });
});

describe('warsawDateTime and HTML escaping', () => {
  it('shows instants in Warsaw time on both sides of a DST change', () => {
    expect(warsawDateTime('2026-03-29T10:00:00.000Z', 'pl')).toMatch(/29 marca 2026.*12:00/);
    expect(warsawDateTime('2026-10-25T11:00:00.000Z', 'pl')).toMatch(/25 października 2026.*12:00/);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(page(html`<p title="${`"'`}">${`<a href="x" title='y'>&</a>`}</p>`)).toBe('<p title="&quot;&#39;">&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;</p>');
  });
});
