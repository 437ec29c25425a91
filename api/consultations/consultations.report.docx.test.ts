import { describe, expect, it } from 'vitest';
import { AUTHOR_TYPES, AUTHOR_TYPE_LABELS, DECISIONS, DECISION_LABELS } from '../../common/consultations.js';
import { LANGS } from '../../common/taxonomy.js';
import { buildReport, REPORT_LABELS, type ReportRemark } from './consultations.report.js';
import { reportDocx, reportDocxFilename } from './consultations.report.docx.js';
import { docxParts } from './consultations.testing.js';

const consultation = {
  id: 'c1', title: 'Program <b>2027</b> & więcej', goal: 'Cel programu', subject: 'Projekt uchwały w sprawie programu', unitName: 'Wydział Polityki Społecznej',
  legalBasis: 'Art. 5a ust. 1 ustawy', audience: 'ngo' as const, district: 12, startsAt: '2026-03-20T07:00:00.000Z', endsAt: '2026-03-29T10:00:00.000Z',
  reportedAt: '2026-04-02T08:00:00.000Z',
};
const units = [
  { id: 'u1', label: '§ 1', text: 'Pierwszy paragraf.', position: 1 },
  { id: 'u2', label: '§ 2', text: 'Drugi paragraf.', position: 2 },
];
let n = 0;
const remark = (over: Partial<ReportRemark>): ReportRemark => ({
  id: `r${++n}`, unitId: null, currentWording: '', proposedWording: `Propozycja ${n}`, justification: `Uzasadnienie ${n}`, authorType: 'ngo', organisationName: `Fundacja ${n}`,
  supporters: [], createdAt: `2026-03-2${n}T10:00:00.000Z`, decision: 'accepted', response: `Odpowiedź ${n}`, ...over,
});
const remarks = [
  remark({ unitId: null, decision: 'partly_accepted', supporters: [{ organisationName: 'Stowarzyszenie Wspierające' }] }),
  remark({ unitId: 'u1', authorType: 'resident', organisationName: null, justification: '</w:t><script>alert(1)</script>', decision: 'not_accepted' }),
  remark({ unitId: 'u2', currentWording: 'Drugi paragraf.', decision: 'out_of_scope', authorType: 'district_council', organisationName: 'Rada Dzielnicy XII' }),
  remark({ unitId: 'u2', decision: 'accepted', justification: 'Linia pierwsza\nlinia druga\u0007' }),
  remark({ unitId: 'u2', decision: null, response: null, authorType: 'informal_group', organisationName: 'Grupa Sąsiedzka' }),
];
const report = buildReport(consultation, units, remarks);

const xmlText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The text of every paragraph in document order. */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => xmlText([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
/** Table rows as cell texts. */
const rows = (xml: string) => [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map((r) => [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => paragraphs(c[0]).join('\n')));
/** Paragraphs of one style, e.g. `Heading1`. */
const styled = (xml: string, style: string) => [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].filter((p) => p[0].includes(`<w:pStyle w:val="${style}"/>`)).map((p) => paragraphs(p[0]).join(''));

describe('reportDocx', () => {
  it('is a Word document (a ZIP) on A4 with 2 cm margins, in the language of the report', async () => {
    for (const lang of LANGS) {
      const parts = docxParts(await reportDocx(report, lang));
      expect(parts['[Content_Types].xml']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
      const doc = parts['word/document.xml']!;
      const section = /<w:sectPr>.*<\/w:sectPr>/s.exec(doc)?.[0] ?? '';
      expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      for (const side of ['top', 'right', 'bottom', 'left']) expect(section).toMatch(new RegExp(`<w:pgMar [^>]*w:${side}="1134"`));
      expect(parts['word/styles.xml']).toContain(`<w:lang w:val="${({ pl: 'pl-PL', en: 'en-GB', uk: 'uk-UA' } as const)[lang]}"/>`);
      expect(parts['docProps/core.xml']).toContain(`<dc:title>${REPORT_LABELS[lang].report}: Program &lt;b&gt;2027&lt;/b&gt; &amp; więcej</dc:title>`);
    }
  });

  it('has a title, the header facts and real headings: sections, units and remarks', async () => {
    const doc = docxParts(await reportDocx(report, 'pl'))['word/document.xml']!;
    expect(styled(doc, 'Title')).toEqual(['Program <b>2027</b> & więcej']);
    expect(styled(doc, 'Heading1')).toEqual(['Wprowadzenie', 'Uwagi i rozstrzygnięcia', 'Podsumowanie', 'Zatwierdzenie sprawozdania']);
    expect(styled(doc, 'Heading2')).toEqual(['Uwagi do całego dokumentu', '§ 1', '§ 2', 'Uwagi według typu autora', 'Uwagi według rozstrzygnięcia']);
    expect(styled(doc, 'Heading3')).toEqual(['Uwaga 1', 'Uwaga 2', 'Uwaga 3', 'Uwaga 4', 'Uwaga 5']);
    const text = paragraphs(doc);
    for (const fact of [
      'Przedmiot konsultacji: Projekt uchwały w sprawie programu', 'Jednostka odpowiedzialna: Wydział Polityki Społecznej', 'Podstawa prawna: Art. 5a ust. 1 ustawy',
      'Kto zgłasza uwagi: Organizacje pozarządowe i grupy nieformalne', 'Zasięg: Dzielnica XII Bieżanów-Prokocim',
    ]) expect(text).toContain(fact);
    // Warsaw time: 07:00Z is 08:00 in winter, 10:00Z on 29 March (after the DST change) is 12:00.
    expect(text.find((p) => p.startsWith('Termin konsultacji: '))).toMatch(/20 marca 2026.*08:00 – 29 marca 2026.*12:00/);
    expect(text).toContain('Data publikacji sprawozdania: 2 kwietnia 2026 10:00');
    expect(text).toContain('Drugi paragraf.');
  });

  it('shows every remark with its author, wording, justification, supporters, decision and response', async () => {
    const doc = docxParts(await reportDocx(report, 'pl'))['word/document.xml']!;
    const fields = rows(doc.slice(0, doc.indexOf('>Podsumowanie<')));
    const value = (label: string) => fields.filter((r) => r[0] === label).map((r) => r[1]);
    expect(value('Autor')).toEqual([
      'Fundacja 1 (Organizacja pozarządowa)', 'Mieszkaniec/mieszkanka', 'Rada Dzielnicy XII (Rada dzielnicy)', 'Fundacja 4 (Organizacja pozarządowa)', 'Grupa Sąsiedzka (Grupa nieformalna)',
    ]);
    expect(value('Uzasadnienie uwagi')).toEqual(['Uzasadnienie 1', '</w:t><script>alert(1)</script>', 'Uzasadnienie 3', 'Linia pierwsza\nlinia druga', 'Uzasadnienie 5']);
    expect(value('Rozstrzygnięcie')).toEqual(['Uwzględniona częściowo', 'Nieuwzględniona', 'Poza zakresem konsultacji', 'Uwzględniona', 'Bez rozstrzygnięcia']);
    expect(value('Uzasadnienie rozstrzygnięcia')).toEqual(['Odpowiedź 1', 'Odpowiedź 2', 'Odpowiedź 3', 'Odpowiedź 4']);
    expect(value('Obecny zapis')).toEqual(['Drugi paragraf.']);
    expect(value('Proponowany zapis')).toHaveLength(5);
    expect(value('Poparcie')).toEqual(['Stowarzyszenie Wspierające']);
  });

  it('writes script and markup from a remark as literal text, and drops characters XML cannot carry', async () => {
    const doc = docxParts(await reportDocx(report, 'en'))['word/document.xml']!;
    expect(doc).toContain('&lt;/w:t&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).not.toContain('<script>');
    expect(doc).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(doc).toContain('Program &lt;b&gt;2027&lt;/b&gt; &amp; więcej');
  });

  it('counts by author type and by decision, with totals, in each language', async () => {
    for (const lang of LANGS) {
      const doc = docxParts(await reportDocx(report, lang))['word/document.xml']!;
      const t = REPORT_LABELS[lang];
      const all = rows(doc);
      expect(summaryTable(all, t.authorType, t.count, t.total)).toEqual([
        [t.authorType, t.count], ...AUTHOR_TYPES.map((a) => [AUTHOR_TYPE_LABELS[a][lang], String(report.byAuthorType[a])]), [t.total, '5'],
      ]);
      expect(summaryTable(all, t.decision, t.count, t.total)).toEqual([
        [t.decision, t.count], ...DECISIONS.map((d) => [DECISION_LABELS[d][lang], String(report.byDecision[d])]), [t.none, '1'], [t.total, '5'],
      ]);
      expect(paragraphs(doc)).toContain(`${t.total}: 5. ${t.supportsTotal}: 1.`);
    }
    expect([report.byAuthorType.ngo, report.byDecision.accepted, report.byDecision.none, report.supports]).toEqual([2, 1, 1, 1]);
  });

  it('lays out the same in Word and LibreOffice: proportional line spacing, headings kept with what follows, rows never split', async () => {
    const parts = docxParts(await reportDocx(report, 'pl'));
    const styles = parts['word/styles.xml']!;
    const doc = parts['word/document.xml']!;
    // A `w:line` without `w:lineRule="auto"` is read by LibreOffice as an exact height, and a large title's lines overlap.
    const spacings = [...`${styles}${doc}`.matchAll(/<w:spacing [^>]*>/g)].map((m) => m[0]).filter((s) => s.includes('w:line='));
    expect(spacings.length).toBeGreaterThan(0);
    for (const s of spacings) expect(s).toContain('w:lineRule="auto"');
    expect(/<w:pPrDefault>.*?<\/w:pPrDefault>/s.exec(styles)?.[0]).toContain('w:line="276" w:lineRule="auto"');
    for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3']) {
      expect(new RegExp(`<w:style [^>]*w:styleId="${style}".*?</w:style>`, 's').exec(styles)?.[0], style).toContain('<w:keepNext/>');
    }
    // A unit's own text stays with its first remark.
    const unitText = [...doc.matchAll(/<w:p>.*?<\/w:p>/gs)].map((p) => p[0]).filter((p) => paragraphs(p).join('') === 'Pierwszy paragraf.');
    expect(unitText).toHaveLength(1);
    expect(unitText[0]).toContain('<w:keepNext/>');
    const tableRows = [...doc.matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(tableRows.length).toBe(rows(doc).length);
    for (const row of tableRows) expect(/^<w:tr><w:trPr>.*?<\/w:trPr>/.exec(row)?.[0], paragraphs(row).join(' | ')).toContain('<w:cantSplit/>');
  });

  it('numbers the pages "Strona X z Y" in the footer, with live page fields, in each language', async () => {
    const words = { pl: ['Strona ', ' z '], en: ['Page ', ' of '], uk: ['Сторінка ', ' з '] } as const;
    for (const lang of LANGS) {
      const parts = docxParts(await reportDocx(report, lang));
      const footers = Object.keys(parts).filter((k) => /^word\/footer\d*\.xml$/.test(k));
      expect(footers).toHaveLength(1);
      const footer = parts[footers[0]!]!;
      // The words, then the PAGE field, the words, then the NUMPAGES field, in that order.
      const sequence = [...footer.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1] ?? m[2]!.trim());
      expect(sequence, lang).toEqual([words[lang][0], 'PAGE', words[lang][1], 'NUMPAGES']);
    }
  });

  it('opens with an introduction of figures from the data, sums up, and leaves lines to sign on', async () => {
    const doc = docxParts(await reportDocx(report, 'pl'))['word/document.xml']!;
    const text = paragraphs(doc);
    const intro = text.slice(text.indexOf('Wprowadzenie') + 1, text.indexOf('Uwagi i rozstrzygnięcia'));
    expect(intro).toHaveLength(3);
    expect(intro[0]).toBe('Konsultacje prowadziła jednostka: Wydział Polityki Społecznej. Trwały od 20 marca 2026 08:00 do 29 marca 2026 12:00 (10 dni).');
    // Without the private count: five organisations and one resident.
    expect(intro[2]).toBe('Uwagi lub poparcia zgłosiło 6 uczestników konsultacji. Uwagi i poparcia zgłoszono w imieniu 5 organizacji lub instytucji. Zgłoszono 5 uwag. Uwagi otrzymały łącznie 1 poparcie.');
    const summary = text.slice(text.indexOf('Podsumowanie') + 1, text.indexOf('Uwagi według typu autora'));
    expect(summary).toEqual(['Uwzględnione w całości lub w części: 2 z 5 (40%).', 'Bez rozstrzygnięcia: 1.']);
    const signOff = doc.slice(doc.indexOf('>Zatwierdzenie sprawozdania<'));
    expect(paragraphs(signOff)).toContain('Jednostka odpowiedzialna: Wydział Polityki Społecznej');
    const blank = '.'.repeat(60);
    expect(rows(signOff)).toEqual([
      ['Sporządził(a)', `Imię i nazwisko: ${blank}\nStanowisko: ${blank}\nPodpis: ${blank}`],
      ['Zatwierdził(a)', `Imię i nazwisko: ${blank}\nStanowisko: ${blank}\nPodpis: ${blank}`],
      ['Data', blank],
    ]);
  });

  it('names the file after the day the report was published in Warsaw', () => {
    expect(reportDocxFilename(report.consultation.reportedAt)).toBe('sprawozdanie-konsultacje-2026-04-02.docx');
    // 23:30 UTC on 1 April is already 2 April in Warsaw.
    expect(reportDocxFilename('2026-04-01T23:30:00.000Z')).toBe('sprawozdanie-konsultacje-2026-04-02.docx');
  });

  it('says so when there are no remarks, and still has the summary', async () => {
    const doc = docxParts(await reportDocx(buildReport(consultation, units, []), 'uk'))['word/document.xml']!;
    expect(paragraphs(doc)).toContain(REPORT_LABELS.uk.noRemarks);
    expect(styled(doc, 'Heading1')).toEqual([REPORT_LABELS.uk.introduction, REPORT_LABELS.uk.remarks, REPORT_LABELS.uk.summary, REPORT_LABELS.uk.signOff]);
  });
});

/** The summary table whose header row is `[head, count]`, down to its total row. */
function summaryTable(all: string[][], head: string, count: string, total: string): string[][] {
  const start = all.findIndex((r) => r.length === 2 && r[0] === head && r[1] === count);
  expect(start, head).toBeGreaterThanOrEqual(0);
  return all.slice(start, all.findIndex((r, i) => i > start && r[0] === total) + 1);
}
