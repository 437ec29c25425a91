/**
 * Plain-text mail templates in pl, en and uk. Modules register theirs at import time:
 *
 *   registerTemplate('events.registered', {
 *     pl: { subject: 'Zapisano Cię na {{title}}', text: 'Aby zrezygnować, otwórz {{cancelUrl}}' },
 *     en: { … }, uk: { … },
 *   });
 *
 * `{{name}}` (or `{{a.b}}`) is replaced with the value as-is; the mail is plain text, so nothing
 * is escaped. A missing value becomes an empty string.
 */
export const MAIL_LANGS = ['pl', 'en', 'uk'] as const;
export type MailLang = (typeof MAIL_LANGS)[number];

export interface MailTemplate {
  subject: string;
  text: string;
}

const templates = new Map<string, Record<MailLang, MailTemplate>>();

export function registerTemplate(name: string, byLang: Record<MailLang, MailTemplate>): void {
  for (const lang of MAIL_LANGS) {
    if (!byLang[lang]?.subject || typeof byLang[lang].text !== 'string') throw new Error(`Mail template ${name} lacks its ${lang} version`);
  }
  templates.set(name, byLang);
}

export const hasTemplate = (name: string) => templates.has(name);

/** `pl` for anything that is not one of the supported languages. */
export const mailLang = (lang: string | null | undefined): MailLang => {
  const base = (lang ?? '').toLowerCase().split('-')[0];
  return (MAIL_LANGS as readonly string[]).includes(base ?? '') ? (base as MailLang) : 'pl';
};

export function interpolate(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (_, path: string) => {
    let value: unknown = data;
    for (const part of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    return value === undefined || value === null ? '' : String(value);
  });
}

/** Renders a registered template. The subject is kept to one line, so data cannot add mail headers. */
export function renderTemplate(name: string, lang: string, data: Record<string, unknown>): MailTemplate & { lang: MailLang } {
  const byLang = templates.get(name);
  if (!byLang) throw new Error(`Unknown mail template: ${name}`);
  const l = mailLang(lang);
  const t = byLang[l];
  return {
    lang: l,
    subject: interpolate(t.subject, data).replace(/[\r\n]+/g, ' ').trim(),
    text: interpolate(t.text, data),
  };
}

registerTemplate('core.test', {
  pl: {
    subject: 'Wiadomość próbna – {{name}}',
    text: 'Dzień dobry, {{name}}!\n\nTo wiadomość próbna z modułów WiP NGO. Zażółć gęślą jaźń.\n\n{{url}}\n',
  },
  en: {
    subject: 'Test message – {{name}}',
    text: 'Hello {{name}},\n\nThis is a test message from the WiP NGO widgets.\n\n{{url}}\n',
  },
  uk: {
    subject: 'Тестове повідомлення – {{name}}',
    text: 'Добрий день, {{name}}!\n\nЦе тестове повідомлення від модулів WiP NGO.\n\n{{url}}\n',
  },
});
