import { describe, expect, it } from 'vitest';
import type { MailInput } from './mail.js';
import { mailTemplate, renderTemplate, type MailData, type Placeholders } from './mail-templates.js';

// A template whose languages use different placeholders: data must carry the union of them.
const invite = mailTemplate('test.invite', {
  pl: { subject: 'Zaproszenie na {{title}}', text: 'Otwórz {{url}} do {{until}}.' },
  en: { subject: 'Invitation to {{title}}', text: 'Open {{url}} by {{until}}.' },
  uk: { subject: 'Запрошення на {{title}}', text: 'Відкрийте {{url}}. Ваш код: {{code}}' },
});

describe('typed mail templates', () => {
  it('reads the placeholders of every language from the texts', () => {
    const keys: Placeholders<'a {{x}} b {{y}}'>[] = ['x', 'y'];
    expect(keys).toEqual(['x', 'y']);
    const data: MailData<typeof invite> = { title: 'Warsztaty', url: 'https://example.org/r/1', until: '3 grudnia', code: 'A1' };
    expect(renderTemplate(invite, 'uk', data).text).toBe('Відкрийте https://example.org/r/1. Ваш код: A1');
  });

  it('refuses, at compile time, data that misses a placeholder of any language', () => {
    // `npm run typecheck` fails if any of these lines compiles: each misses or misspells a placeholder.
    // @ts-expect-error `code` is used only by the Ukrainian text, and is still required.
    const noCode: MailData<typeof invite> = { title: 'Warsztaty', url: 'https://example.org/r/1', until: '3 grudnia' };
    // @ts-expect-error a misspelt key does not stand in for `url`.
    const misspelt: MailData<typeof invite> = { title: 'Warsztaty', link: 'https://example.org/r/1', until: '3 grudnia', code: 'A1' };
    const input = (data: MailData<typeof invite>): MailInput<typeof invite> => ({ to: 'a@example.org', template: invite, lang: 'pl', data });
    // @ts-expect-error the mailer's input is typed from the template too.
    const queued: MailInput<typeof invite> = { to: 'a@example.org', template: invite, lang: 'pl', data: { title: 'Warsztaty' } };
    // At run time a missing value renders empty, which is why the compiler must catch it.
    expect(renderTemplate(invite, 'uk', noCode).text).toBe('Відкрийте https://example.org/r/1. Ваш код: ');
    expect(renderTemplate(invite, 'pl', misspelt).text).toBe('Otwórz  do 3 grudnia.');
    expect(input({ ...noCode, code: 'B2' }).data.code).toBe('B2');
    expect(queued.data).toEqual({ title: 'Warsztaty' });
  });

  it('throws when a language is missing', () => {
    expect(() => mailTemplate('test.broken', { pl: { subject: 'a', text: 'b' }, en: { subject: 'a', text: 'b' } } as never)).toThrow(/lacks its uk version/);
  });
});
