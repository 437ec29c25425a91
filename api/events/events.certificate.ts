/**
 * Certificates of attendance for a training cycle: a one-page A4 PDF (pdfkit) in DejaVu Sans, so
 * Polish (and Ukrainian) letters come out right, with a QR code (qrcode) and the number that
 * verifies it at a public URL. Numbers are random, so they cannot be enumerated.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { dictionaryTranslator, inLang } from '../../common/i18n.js';
import type { Lang } from '../../common/taxonomy.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Crockford's base32: no I, L, O or U to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `2027-K7Q3-M9XD`: the year, then 40 random bits. */
export function certificateNumber(year: number): string {
  const bytes = randomBytes(8);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]!);
  return `${year}-${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}`;
}

export const CERTIFICATE_NUMBER_RE = /^\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export interface CertificateData {
  number: string;
  holderName: string;
  seriesTitle: string;
  organiser: string;
  /** The sessions attended, in order, with their Warsaw dates (`YYYY-MM-DD…`). */
  sessions: { title: string; startLocal: string }[];
  attended: number;
  held: number;
  issuedAt: string;
  verifyUrl: string;
  lang: Lang;
}

/** The certificate's texts, on the translator core (common/i18n.ts). */
const tCertificate = dictionaryTranslator({
  pl: {
    heading: 'Zaświadczenie o udziale', intro: 'Niniejszym zaświadcza się, że', completed: 'uczestniczył(a) w cyklu szkoleń',
    attendance: 'Obecność: {attended} z {held} sesji ({percent} %)', sessions: 'Sesje, w których uczestniczono:', organiser: 'Organizator:',
    number: 'Numer zaświadczenia:', issued: 'Data wydania:', verify: 'Autentyczność można sprawdzić pod adresem:',
  },
  en: {
    heading: 'Certificate of attendance', intro: 'This is to certify that', completed: 'attended the training cycle',
    attendance: 'Attendance: {attended} of {held} sessions ({percent} %)', sessions: 'Sessions attended:', organiser: 'Organiser:',
    number: 'Certificate number:', issued: 'Issued on:', verify: 'Verify this certificate at:',
  },
  uk: {
    heading: 'Свідоцтво про участь', intro: 'Цим засвідчується, що', completed: 'взяв(ла) участь у циклі навчань',
    attendance: 'Відвідування: {attended} з {held} сесій ({percent} %)', sessions: 'Відвідані сесії:', organiser: 'Організатор:',
    number: 'Номер свідоцтва:', issued: 'Дата видачі:', verify: 'Перевірити автентичність можна за адресою:',
  },
});

/** The certificate as PDF bytes. */
export async function certificatePdf(c: CertificateData): Promise<Buffer> {
  const L = inLang(tCertificate, c.lang);
  const qr = await QRCode.toBuffer(c.verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${L('heading')}: ${c.holderName}`, Subject: c.seriesTitle, Author: c.organiser }, lang: c.lang });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const date = (local: string) => new Intl.DateTimeFormat(c.lang, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${local.slice(0, 10)}T12:00:00Z`));
  const percent = c.held ? Math.round((c.attended * 100) / c.held) : 0;

  doc.font('bold').fontSize(26).text(L('heading'), { align: 'center' }).moveDown(1.5);
  doc.font('regular').fontSize(13).text(L('intro'), { align: 'center' }).moveDown(0.5);
  doc.font('bold').fontSize(22).text(c.holderName, { align: 'center' }).moveDown(0.5);
  doc.font('regular').fontSize(13).text(L('completed'), { align: 'center' }).moveDown(0.5);
  doc.font('bold').fontSize(17).text(`„${c.seriesTitle}”`, { align: 'center' }).moveDown(1);
  doc.font('regular').fontSize(12).text(L('attendance', { attended: c.attended, held: c.held, percent }), { align: 'center' }).moveDown(1.2);
  doc.font('bold').fontSize(11).text(L('sessions')).moveDown(0.3);
  doc.font('regular').fontSize(10.5);
  c.sessions.forEach((s, i) => doc.text(`${i + 1}. ${date(s.startLocal)}: ${s.title}`));
  doc.moveDown(1);
  doc.fontSize(11).text(`${L('organiser')} ${c.organiser}`);
  doc.text(`${L('issued')} ${date(c.issuedAt.slice(0, 10))}`);
  doc.text(`${L('number')} ${c.number}`).moveDown(0.8);
  const y = doc.y;
  doc.image(qr, doc.page.margins.left, y, { width: 96 });
  doc.fontSize(10).text(L('verify'), doc.page.margins.left + 112, y + 24).text(c.verifyUrl, { link: c.verifyUrl, underline: true });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
