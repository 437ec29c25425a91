import { describe, expect, it } from 'vitest';
import { createLogger, redact, unredacted } from './log.js';

describe('log', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, log: createLogger('debug', { requestId: 'r1' }, (l) => lines.push(l)) };
  };

  it('writes one JSON object per line with the base fields', () => {
    const { lines, log } = capture();
    log.child({ job: 'x' }).info('done', { count: 3 });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'done', requestId: 'r1', job: 'x', count: 3 });
  });

  it('masks e-mail addresses and link tokens in every string, however deep', () => {
    const { lines, log } = capture();
    log.warn('mail failed, will retry', {
      err: '550 5.1.1 <Anna.Nowak+ngo@poczta.example.pl>: Recipient address rejected',
      nested: { urls: ['https://ngo.example/embed/map?lang=pl&edit=Zx9_abc-123', 'https://ngo.example/x?confirm-support=q1w2e3&lang=uk'] },
    });
    const line = lines[0]!;
    expect(line).not.toContain('Anna.Nowak');
    expect(line).not.toContain('Zx9_abc-123');
    expect(line).not.toContain('q1w2e3');
    expect(JSON.parse(line).nested.urls).toEqual(['https://ngo.example/embed/map?lang=pl&edit=[token]', 'https://ngo.example/x?confirm-support=[token]&lang=uk']);
    expect(redact('a token=abc and b@c.org')).toBe('a token=abc and [email]');
  });

  it('writes an unredacted value as it is (development only)', () => {
    const { lines, log } = capture();
    log.info('mail', { message: unredacted({ to: 'ola@example.org' }), at: new Date('2026-01-01T00:00:00Z') });
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: { to: 'ola@example.org' }, at: '2026-01-01T00:00:00.000Z' });
  });
});
