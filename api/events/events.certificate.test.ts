import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CERTIFICATE_NUMBER_RE, certificateNumber, certificatePdf } from './events.certificate.js';

/** All text of a PDF, page by page, as pdf.js extracts it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

const data = {
  number: '2027-K7Q3-M9XD',
  holderName: 'Łucja Żółkiewska-Gęślak',
  seriesTitle: 'Akademia Kraków dla NGO',
  organiser: 'Miejski Ośrodek Wspierania Inicjatyw Społecznych',
  sessions: [
    { title: 'Zarządzanie organizacją', startLocal: '2027-04-07T16:00' },
    { title: 'Finanse i księgowość', startLocal: '2027-04-14T16:00' },
    { title: 'Prawo i podatki', startLocal: '2027-04-28T16:00' },
    { title: 'Źródła finansowania', startLocal: '2027-05-05T16:00' },
  ],
  attended: 4,
  held: 5,
  issuedAt: '2027-05-20T10:00:00.000Z',
  verifyUrl: 'https://ngo.example.org/v1/events/certificates/2027-K7Q3-M9XD',
  lang: 'pl' as const,
};

describe('certificate of attendance', () => {
  it('reads back with the name in Polish letters, the cycle, the sessions attended and the number', async () => {
    const pdf = await certificatePdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Zaświadczenie o udziale');
    expect(text).toContain('Łucja Żółkiewska-Gęślak');
    expect(text).toContain('Akademia Kraków dla NGO');
    expect(text).toContain('Obecność: 4 z 5 sesji (80 %)');
    for (const s of data.sessions) expect(text).toContain(s.title);
    expect(text).toContain('7 kwietnia 2027');
    expect(text).toContain('2027-K7Q3-M9XD');
    expect(text).toContain(data.verifyUrl);
  });

  it('speaks Ukrainian when asked, Cyrillic included', async () => {
    const text = await pdfText(await certificatePdf({ ...data, lang: 'uk' }));
    expect(text).toContain('Свідоцтво про участь');
    expect(text).toContain('Відвідування: 4 з 5 сесій (80 %)');
    expect(text).toContain('Łucja Żółkiewska-Gęślak');
  });

  it('draws random, well-formed numbers', () => {
    const numbers = Array.from({ length: 200 }, () => certificateNumber(2027));
    expect(numbers.every((n) => CERTIFICATE_NUMBER_RE.test(n) && n.startsWith('2027-'))).toBe(true);
    expect(new Set(numbers).size).toBe(200);
  });
});
