import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from './zod.js';

const root = join(import.meta.dirname, '..');

describe('the zod every schema uses (common/zod.ts)', () => {
  it('refuses NUL and the C0 controls other than tab, CR and LF in every string', () => {
    const s = z.string().trim().min(1).max(50);
    for (const code of [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f]) {
      const r = s.safeParse(`Fundacja${String.fromCharCode(code)}Kraków`);
      expect(r.success, `U+${code.toString(16).padStart(4, '0')}`).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(z.CONTROL_MESSAGE);
    }
    expect(s.parse('wiersz 1\r\n\twiersz 2')).toBe('wiersz 1\r\n\twiersz 2');
    expect(s.parse('  Stowarzyszenie „Ą” — ✓ 🌳  ')).toBe('Stowarzyszenie „Ą” — ✓ 🌳');
    // Inside records, arrays and as record keys too.
    expect(z.record(z.string(), z.array(z.string())).safeParse({ ok: ['a\u0000'] }).success).toBe(false);
    expect(z.record(z.string(), z.number()).safeParse({ 'k\u0000': 1 }).success).toBe(false);
  });

  it('strips bidi controls and zero-width characters from names', () => {
    const name = z.displayName().trim().min(2).max(40);
    expect(name.parse('\u202Egro.elpmaxe')).toBe('gro.elpmaxe');
    expect(name.parse('Fun\u200Bdacja \u2066Ala\u2069\uFEFF')).toBe('Fundacja Ala');
    expect(name.safeParse('\u200B\u200B\u202E').success).toBe(false); // nothing left: too short
    expect(name.safeParse('Ala\u0000').success).toBe(false);
  });

  it('normalises URLs to new URL(x).href', () => {
    const u = z.url({ protocol: /^https?$/ }).max(100);
    expect(u.parse('HTTPS://Example.ORG')).toBe('https://example.org/');
    expect(u.parse('https://example.org/a b?q=ż')).toBe('https://example.org/a%20b?q=%C5%BC');
    expect(u.safeParse('javascript:alert(1)').success).toBe(false);
  });

  it('refuses impossible dates and times instead of shifting them to another day', () => {
    for (const bad of ['2027-02-30', '2027-02-29', '2027-13-01', '2027-00-10', '2027-04-31', '0000-01-01', '0999-12-31', '2027-2-3', '2027-02-28T10:00', '']) {
      expect(z.localDate().safeParse(bad).success, bad).toBe(false);
    }
    expect(z.localDate().safeParse('2027-02-30').error?.issues[0]?.message).toBe(z.DATE_MESSAGE);
    for (const good of ['2028-02-29', '2027-12-31', '1900-01-01']) expect(z.localDate().parse(good)).toBe(good);
    for (const bad of ['2027-03-01T24:00', '2027-03-01T23:60', '2027-02-30T10:00', '0000-03-01T10:00', '2027-03-01', '2027-03-01T10:00Z']) {
      expect(z.localDateTime().safeParse(bad).success, bad).toBe(false);
    }
    expect(z.localDateTime().parse('2027-03-28T02:30')).toBe('2027-03-28T02:30'); // in the DST gap: a wall time, resolved later
    expect(z.localDateOrTime().safeParse('2027-02-30').success).toBe(false);
    expect(z.localDateOrTime().parse('2027-02-28')).toBe('2027-02-28');
    for (const bad of ['2027-02-30T10:00:00Z', '2027-03-01T24:00:00Z', '0000-01-01T00:00:00Z', '2027-13-01T00:00:00+01:00', '2027-03-01T10:00:00']) {
      expect(z.instant().safeParse(bad).success, bad).toBe(false);
    }
    expect(z.instant().parse('2027-03-01T10:00:00.000+01:00')).toBe('2027-03-01T10:00:00.000+01:00');
  });

  it('is the one place that writes a date schema', () => {
    // zod's own date checks accept year 0; a hand-written pattern accepts 30 February or 24:00.
    const offenders = sourceLinesMatching(/\bz\.iso\.(date|datetime|time)\(|\.regex\(\/\^\\d\{4\}-/);
    expect(offenders, 'these lines write their own date schema: use z.localDate(), z.localDateTime(), z.localDateOrTime() or z.instant() from common/zod.ts').toEqual([]);
  });

  it('is the only zod the API and the common schemas import', () => {
    // Type-only imports carry no runtime schema; a value import of z from zod or @hono/zod-openapi bypasses the rules.
    const offenders = sourceLinesMatching(/^import (?!type )[^;]*\bz\b[^;]*from '(zod|@hono\/zod-openapi)'/);
    expect(offenders, "these files import zod directly: write `import * as z from '<relative path>/common/zod.js'` instead, so their strings refuse control characters").toEqual([]);
  });
});

/** `file:line` of each line of the API's and the common code (not tests, not common/zod.ts) that matches. */
function sourceLinesMatching(re: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$|\.testing\.ts$/.test(e.name) && p !== join(root, 'common/zod.ts')) {
        readFileSync(p, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (re.test(line)) found.push(`${relative(root, p)}:${i + 1}`);
          });
      }
    }
  };
  walk(join(root, 'api'));
  walk(join(root, 'common'));
  return found;
}
