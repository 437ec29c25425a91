import { describe, expect, it } from 'vitest';
import { dayBefore, diffText, effectiveUntil, markdownBlocks, plainText, renderMarkdown, reviewDue, reviewDueOn, versionInForce, versionState } from './guide.rules.js';

const v = (id: string, from: string, until: string | null = null, publishedAt = '2026-01-01T00:00:00Z') => ({ id, in_force_from: from, in_force_until: until, published_at: publishedAt });

describe('guide rules: Markdown', () => {
  it('renders headings below the title, tables, callouts with a label and article links', () => {
    const html = renderMarkdown('# A\n\n## B\n\n> [!warning]\n> Uważaj\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[małe granty](poradnik:male-granty)', 'en');
    expect(html).toContain('<h3>A</h3>');
    expect(html).toContain('<h3>B</h3>');
    expect(html).toContain('<blockquote class="callout callout-warning">\n<p><strong class="callout-label">Warning</strong>\nUważaj</p>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<a href="?ngo-guide-article=male-granty" data-guide-article="male-granty">małe granty</a>');
  });

  it('leaves raw HTML, bad link schemes and handlers as text, and keeps a quote without a marker a plain quote', () => {
    const html = renderMarkdown('<b onclick="x()">b</b> [a](javascript:void(0)) <javascript:alert(1)>\n\n> cytat', 'pl');
    expect(html).toBe('<p>&lt;b onclick="x()"&gt;b&lt;/b&gt; [a](javascript:void(0)) &lt;javascript:alert(1)&gt;</p>\n<blockquote>\n<p>cytat</p>\n</blockquote>\n');
  });

  it('gives the plain words for search and the blocks for Word', () => {
    expect(plainText('## Tytuł\n\nTekst **gruby** i [link](https://x.pl).\n\n- a\n- b')).toBe('Tytuł Tekst gruby i link. a b');
    expect(markdownBlocks('## H\n\n- *a*\n  - b\n\n> [!deadline]\n> 21 dni', 'pl')).toEqual([
      { kind: 'heading', level: 1, runs: [{ text: 'H', bold: false, italic: false }] },
      { kind: 'item', level: 1, runs: [{ text: 'a', bold: false, italic: true }] },
      { kind: 'item', level: 2, runs: [{ text: 'b', bold: false, italic: false }] },
      { kind: 'callout', level: 0, runs: [{ text: 'Termin', bold: true, italic: false }, { text: ' ', bold: false, italic: false }, { text: '21 dni', bold: false, italic: false }] },
    ]);
  });
});

describe('guide rules: versions', () => {
  const versions = [v('a', '2025-01-01'), v('b', '2026-01-01', '2026-06-30'), v('c', '2027-01-01')];

  it('picks the version in force on a day, none in a gap or before the first', () => {
    expect(versionInForce(versions, '2024-12-31')).toBeNull();
    expect(versionInForce(versions, '2025-12-31')!.id).toBe('a');
    expect(versionInForce(versions, '2026-01-01')!.id).toBe('b');
    expect(versionInForce(versions, '2026-07-01')).toBeNull();
    expect(versionInForce(versions, '2027-01-01')!.id).toBe('c');
  });

  it('lets a correction of the same day win, and ends each version where the next starts', () => {
    const fixed = [...versions, v('b2', '2026-01-01', null, '2026-02-01T00:00:00Z')];
    expect(versionInForce(fixed, '2026-03-01')!.id).toBe('b2');
    expect(effectiveUntil(versions[0]!, versions)).toBe('2025-12-31');
    expect(effectiveUntil(versions[1]!, versions)).toBe('2026-06-30');
    expect(effectiveUntil(versions[2]!, versions)).toBeNull();
    expect(versionState(versions[2]!, versions, '2026-12-02')).toBe('scheduled');
    expect(versionState(versions[0]!, versions, '2026-12-02')).toBe('past');
    expect(versionState(fixed[3]!, fixed, '2026-03-01')).toBe('in_force');
    // A stored row says its status: only a draft's makes it a draft.
    const stored = fixed.map((v) => ({ ...v, status: 'published' as const }));
    expect(versionState(stored[3]!, stored, '2026-03-01')).toBe('in_force');
    expect(versionState({ status: 'draft' }, stored, '2026-03-01')).toBe('draft');
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
  });

  it('diffs by words, and says when an article is due for review', () => {
    expect(diffText('do 90 dni', 'do 120 dni')).toEqual([
      { op: 'same', text: 'do ' },
      { op: 'removed', text: '90' },
      { op: 'added', text: '120' },
      { op: 'same', text: ' dni' },
    ]);
    expect(reviewDue(null, '2026-12-02')).toBe(true);
    expect(reviewDue('2025-12-03', '2026-12-02')).toBe(false);
    expect(reviewDue('2025-12-02', '2026-12-02')).toBe(true);
    // A review date set by staff wins over the year, earlier or later.
    expect(reviewDue('2026-11-01', '2026-12-02', '2026-12-02')).toBe(true);
    expect(reviewDue('2026-11-01', '2026-12-02', '2026-12-03')).toBe(false);
    expect(reviewDue('2025-01-01', '2026-12-02', '2027-03-01')).toBe(false);
    expect(reviewDueOn('2025-12-02')).toBe('2026-12-02');
    expect(reviewDueOn(null)).toBe(null);
  });
});
