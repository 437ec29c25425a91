import { LANGS, normaliseLang, type Lang } from '../../common/i18n.js';

/**
 * Plain-text mail templates in pl, en and uk. A module defines its templates as values in
 * `<slug>.mail.ts` and lists them in its manifest:
 *
 *   export const registered = mailTemplate('events.registered', {
 *     pl: { subject: 'Zapisano Cię na {{title}}', text: 'Aby zrezygnować, otwórz {{cancelUrl}}' },
 *     en: { … }, uk: { … },
 *   });
 *   mailer.enqueue({ to, template: registered, lang, data: { title, cancelUrl } });
 *
 * The placeholders are read from the texts' literal types, so `data` must give every `{{name}}`
 * of every language: a missing one is a compile error. Values go in as-is; the mail is plain text,
 * so nothing is escaped.
 */
export const MAIL_LANGS = LANGS;
export type MailLang = Lang;

export interface MailText {
  subject: string;
  text: string;
}

/** The names inside `{{…}}` in a string literal type. */
export type Placeholders<S extends string> = S extends `${string}{{${infer K}}}${infer Rest}` ? K | Placeholders<Rest> : never;

/** A template whose data must carry the keys `K`. */
export interface MailTemplate<K extends string = string> {
  /** Unique, `<slug>.<what>`; stored with each outbox message. */
  readonly name: string;
  readonly texts: Readonly<Record<MailLang, MailText>>;
  /** Type only: the placeholders. */
  readonly placeholders?: K;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMailTemplate = MailTemplate<any>;

/** The data a template needs: one value per placeholder. */
export type MailData<T> = T extends MailTemplate<infer K> ? Record<K, string | number> : never;

type TextsOf<L extends Record<MailLang, MailText>> = L[MailLang]['subject'] | L[MailLang]['text'];

/** Defines a template; throws when a language is missing. */
export function mailTemplate<const L extends Record<MailLang, MailText>>(name: string, texts: L): MailTemplate<Placeholders<TextsOf<L>>> {
  for (const lang of MAIL_LANGS) {
    if (!texts[lang]?.subject || typeof texts[lang].text !== 'string') throw new Error(`Mail template ${name} lacks its ${lang} version`);
  }
  return { name, texts };
}

/** `pl` for anything that is not one of the supported languages: the translator core's `normaliseLang`. */
export const mailLang = (lang: string | null | undefined): MailLang => normaliseLang(lang);

export function interpolate(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, key: string) => {
    const value = data[key];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** Renders a template. The subject is kept to one line, so data cannot add mail headers. */
export function renderTemplate<T extends AnyMailTemplate>(template: T, lang: string, data: MailData<T>): MailText & { lang: MailLang } {
  if (!template || typeof template !== 'object' || !template.texts) throw new Error(`Unknown mail template: ${String(template)}`);
  const l = mailLang(lang);
  const t = template.texts[l];
  return {
    lang: l,
    subject: interpolate(t.subject, data).replace(/[\r\n]+/g, ' ').trim(),
    text: interpolate(t.text, data),
  };
}

/** A test message, for checking a deployment's mail setup and for the outbox tests. */
export const testMail = mailTemplate('core.test', {
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
