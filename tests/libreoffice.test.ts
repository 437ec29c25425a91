import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildReport, type ReportRemark } from '../api/consultations/consultations.report.js';
import { reportDocx } from '../api/consultations/consultations.report.docx.js';
import { toXlsx } from '../api/core/export.js';

/**
 * The files opened by a real office suite: the consultation DOCX is converted to PDF, where no two
 * lines of text overlap and the pages are numbered; an XLSX is converted to CSV, where the KRS
 * keeps its zeros and the coordinates are numbers, not dates. It needs `soffice` (Debian's
 * libreoffice-writer-nogui and libreoffice-calc-nogui, which .ci/run installs); on a machine
 * without it the suite says so and does not run, unless LIBREOFFICE=1 demands it.
 */
const run = promisify(execFile);
const soffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
const on = soffice || process.env.LIBREOFFICE === '1';
if (!on) console.warn('[libreoffice] soffice not found: install libreoffice-writer-nogui and libreoffice-calc-nogui to open the exports in LibreOffice');

describe.runIf(on)('files opened by LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ngo-libreoffice-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const convert = (file: string, to: string) => run('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', to, '--outdir', dir, file], { timeout: 180_000 });

  it('converts the consultation DOCX to a PDF with numbered pages and no overlapping lines', async () => {
    let n = 0;
    const remark = (over: Partial<ReportRemark>): ReportRemark => ({
      id: `r${++n}`, unitId: 'u1', currentWording: 'Obecny zapis paragrafu, który ciągnie się przez kilka linii tekstu. '.repeat(3), proposedWording: `Propozycja ${n}: `.padEnd(400, 'zażółć gęślą jaźń '),
      justification: 'Uzasadnienie uwagi '.repeat(30), authorType: 'ngo', organisationName: `Fundacja Łąka ${n}`, supporters: [], createdAt: '2026-03-21T10:00:00.000Z', decision: 'accepted', response: 'Uwaga przyjęta. '.repeat(10), ...over,
    });
    const report = buildReport(
      { id: 'c1', title: 'Program współpracy Miasta Krakowa z organizacjami pozarządowymi na rok 2027 — długi tytuł w dwóch liniach', goal: 'Cel', subject: 'Projekt uchwały', unitName: 'Wydział Polityki Społecznej', legalBasis: 'Art. 5a ust. 1', audience: 'ngo', district: null, startsAt: '2026-03-20T07:00:00.000Z', endsAt: '2026-03-29T10:00:00.000Z', reportedAt: '2026-04-02T08:00:00.000Z' },
      [{ id: 'u1', label: '§ 1', text: 'Pierwszy paragraf.', position: 1 }, { id: 'u2', label: '§ 2', text: 'Drugi paragraf.', position: 2 }],
      Array.from({ length: 12 }, (_, i) => remark({ unitId: i % 2 ? 'u2' : 'u1' })),
    );
    await writeFile(join(dir, 'report.docx'), await reportDocx(report, 'pl'));
    await convert(join(dir, 'report.docx'), 'pdf');
    const pdf = await getDocument({ data: new Uint8Array(await readFile(join(dir, 'report.pdf'))) }).promise;
    expect(pdf.numPages).toBeGreaterThan(2);
    const overlaps: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const items = (await (await pdf.getPage(p)).getTextContent()).items.flatMap((i) => ('str' in i && i.str.trim() ? [{ s: i.str, x: i.transform[4] as number, y: i.transform[5] as number, w: i.width, h: i.height }] : []));
      // "Strona n z m" in the footer, the fields filled in by LibreOffice: on the page's lowest line.
      const footer = items.filter((i) => i.y === Math.min(...items.map((j) => j.y))).sort((a, b) => a.x - b.x).map((i) => i.s).join(' ').replace(/\s+/g, ' ').trim();
      expect(footer, `page ${p}`).toBe(`Strona ${p} z ${pdf.numPages}`);
      for (const a of items) for (const b of items) {
        if (a === b || a.y <= b.y) continue;
        const sameColumn = a.x < b.x + b.w && b.x < a.x + a.w;
        // Two lines in the same column closer than 60 % of a line's height overlap on the page.
        if (sameColumn && a.y - b.y < 0.6 * Math.min(a.h, b.h)) overlaps.push(`page ${p}: "${a.s.slice(0, 30)}" over "${b.s.slice(0, 30)}"`);
      }
    }
    expect(overlaps).toEqual([]);
    // The introduction's figures and the lines to sign on reach the PDF too.
    const all = (await Promise.all(Array.from({ length: pdf.numPages }, async (_, i) => (await (await pdf.getPage(i + 1)).getTextContent()).items.map((t) => ('str' in t ? t.str : '')).join(' ')))).join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('Wprowadzenie');
    expect(all).toContain('(10 dni)');
    expect(all).toMatch(/Zgłoszono 12 uwag\./);
    expect(all).toMatch(/Imię i nazwisko: \.{20,}/);
  }, 240_000);

  it('converts an XLSX to CSV with the KRS keeping its zeros and coordinates as numbers', async () => {
    const columns = [{ key: 'name', header: 'Nazwa' }, { key: 'krs', header: 'KRS', type: 'text' as const }, { key: 'lat', header: 'Szerokość', type: 'number' as const }, { key: 'at', header: 'Wpłynęła', type: 'datetime' as const }];
    await writeFile(join(dir, 'table.xlsx'), await toXlsx(columns, [{ name: 'Fundacja Źródło', krs: '0000900159', lat: 50.06143, at: '2026-03-31T23:30:00.000Z' }]));
    await convert(join(dir, 'table.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76');
    const lines = (await readFile(join(dir, 'table.csv'), 'utf8')).trim().split(/\r?\n/);
    expect(lines[1]).toBe('Fundacja Źródło,0000900159,50.06143,2026-04-01 01:30');
  }, 240_000);
});
