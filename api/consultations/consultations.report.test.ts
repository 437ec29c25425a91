import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { html, page } from '../core/html.js';
import { toCsv } from '../core/export.js';
import { buildReport, consultationDays, reportHtml, reportIntroduction, reportSummary, reportTable, warsawDateTime, type ReportRemark } from './consultations.report.js';

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
    expect(html).toContain('@page { size: A4; margin: 2cm 2cm 2.5cm; @bottom-center { content: "Page " counter(page) " of " counter(pages);');
    expect(reportHtml(report, 'pl')).toContain('content: "Strona " counter(page) " z " counter(pages);');
    expect(reportHtml(report, 'uk')).toContain('content: "Сторінка " counter(page) " з " counter(pages);');
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

describe('introduction, summary and sign-off', () => {
  const many = buildReport(consultation, units, [
    remark({ organisationName: 'Fundacja „Łąka”' }),
    remark({ organisationName: 'fundacja  Łąka', decision: 'partly_accepted', supporters: [{ organisationName: 'Stowarzyszenie B' }, { organisationName: 'Klub C' }] }),
    remark({ authorType: 'resident', organisationName: null, decision: 'not_accepted' }),
    remark({ authorType: 'resident', organisationName: null, decision: 'out_of_scope' }),
    remark({ organisationName: 'Klub C', decision: null, response: null }),
  ], { participants: 5 });

  it('counts organisations once however their name is typed, and takes the participants it is given', () => {
    expect([many.organisations, many.participants]).toEqual([3, 5]);
    // Without the private count: each organisation once, each resident remark as one person.
    expect(buildReport(consultation, units, many.groups.flatMap((g) => g.remarks)).participants).toBe(3 + 2);
  });

  it('counts the days as the office does, first and last Warsaw day included, an end at midnight closing the day before', () => {
    expect(consultationDays('2026-03-20T07:00:00.000Z', '2026-03-29T10:00:00.000Z')).toBe(10);
    // 00:00 on 30 March in Warsaw (after the DST change) ends the 29th.
    expect(consultationDays('2026-03-20T07:00:00.000Z', '2026-03-29T22:00:00.000Z')).toBe(10);
    expect(consultationDays('2026-03-20T07:00:00.000Z', '2026-03-20T09:00:00.000Z')).toBe(1);
  });

  it('says who ran it, when, how, who could take part and who did, with plural forms in each language', () => {
    expect(reportIntroduction(many, 'pl')).toEqual([
      'Konsultacje prowadziła jednostka: MOWIS. Trwały od 20 marca 2026 08:00 do 29 marca 2026 12:00 (10 dni).',
      expect.stringMatching(/^Uwagi przyjmowano w formie elektronicznej, .* Uwagi mógł zgłosić każdy: mieszkańcy, organizacje i instytucje;/),
      'Uwagi lub poparcia zgłosiło 5 uczestników konsultacji. Uwagi i poparcia zgłoszono w imieniu 3 organizacji lub instytucji. Zgłoszono 5 uwag. Uwagi otrzymały łącznie 2 poparcia.',
    ]);
    expect(reportIntroduction(many, 'uk')[2]).toBe('Зауваження або підтримку подали 5 учасників консультацій. Зауваження та підтримку подано від імені 3 організацій або установ. Подано 5 зауважень. Зауваження отримали загалом 2 підтримки.');
    expect(reportIntroduction(many, 'en')[0]).toBe('The consultation was run by MOWIS, from 20 March 2026 at 08:00 to 29 March 2026 at 12:00 (10 days).');
    const one = buildReport({ ...consultation, audience: 'ngo', endsAt: '2026-03-20T09:00:00.000Z' }, units, [remark({ supporters: [{ organisationName: 'B' }] })], { participants: 1 });
    expect(reportIntroduction(one, 'pl')[0]).toMatch(/\(1 dzień\)\.$/);
    expect(reportIntroduction(one, 'pl')[1]).toMatch(/Uwagi mogły zgłaszać organizacje pozarządowe i grupy nieformalne;/);
    // One person sent the remark for two organisations (its author and its supporter).
    expect(reportIntroduction(one, 'pl')[2]).toBe('Uwagę lub poparcie zgłosił 1 uczestnik konsultacji. Uwagi i poparcia zgłoszono w imieniu 2 organizacji lub instytucji. Zgłoszono 1 uwagę. Uwagi otrzymały łącznie 1 poparcie.');
    expect(reportIntroduction(one, 'uk')[2]).toBe('Зауваження або підтримку подав 1 учасник консультацій. Зауваження та підтримку подано від імені 2 організацій або установ. Подано 1 зауваження. Зауваження отримали загалом 1 підтримку.');
    expect(reportIntroduction(one, 'en')[2]).toBe('1 participant sent a remark or a support. They acted for 2 organisations or institutions. 1 remark was submitted. The remarks received 1 support in all.');
    expect(reportIntroduction(buildReport(consultation, units, []), 'en')[2]).toBe('No remarks were submitted in this consultation.');
  });

  it('sums up the share taken up and what waits for a decision, in the HTML with its own paragraphs', () => {
    expect(reportSummary(many, 'pl')).toEqual(['Uwzględnione w całości lub w części: 2 z 5 (40%).', 'Bez rozstrzygnięcia: 1.']);
    const decided = buildReport(consultation, units, [remark({})]);
    expect(reportSummary(decided, 'en')).toEqual(['Accepted in full or in part: 1 of 1 (100%).', 'Every remark received a decision.']);
    const html = reportHtml(many, 'uk');
    expect(/<div class="summary">([\s\S]*?)<\/div>/.exec(html)![1]).toBe('<p>Враховано повністю або частково: 2 з 5 (40%).</p>\n<p>Без рішення: 1.</p>');
    expect(html.indexOf('<h2 id="introduction">Вступ</h2>')).toBeLessThan(html.indexOf('<h2>Зауваження та рішення</h2>'));
  });

  it('leaves a name, a position and a signature to fill in for each signatory, and names the responsible unit', () => {
    const html = reportHtml(many, 'pl');
    const block = /<section class="sign-off"[\s\S]*?<\/section>/.exec(html)![0];
    expect(block).toContain('<p><strong>Jednostka odpowiedzialna:</strong> MOWIS</p>');
    const rows = [...block.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([\s\S]*?)<\/td><\/tr>/g)].map((m) => [m[1], [...m[2]!.matchAll(/<p>([^:<]+):/g)].map((f) => f[1])]);
    expect(rows).toEqual([['Sporządził(a)', ['Imię i nazwisko', 'Stanowisko', 'Podpis']], ['Zatwierdził(a)', ['Imię i nazwisko', 'Stanowisko', 'Podpis']], ['Data', []]]);
    expect(block.match(/<span class="blank"><\/span>/g)).toHaveLength(7);
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
