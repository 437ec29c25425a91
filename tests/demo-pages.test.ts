import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../common/modules.js';

const demo = join(import.meta.dirname, '..', 'demo');
const pages = readdirSync(demo).filter((f) => f.endsWith('.html'));
const read = (f: string) => readFileSync(join(demo, f), 'utf8');

describe('demo pages', () => {
  it('list every registered widget with a copy-paste snippet on the index', () => {
    const index = read('index.html');
    for (const tag of Object.keys(WIDGETS)) {
      expect(index, tag).toContain(`data-tag="${tag}"`);
      expect(index, tag).toContain(`&lt;${tag}`);
    }
  });

  it.each(pages)('%s declares a language, a title and loads the loader as a module from /widgets/', (page) => {
    const html = read(page);
    expect(html).toMatch(/<html lang="(pl|en|uk)">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    if (page !== 'embed.html') expect(html).toContain('<script type="module" src="/widgets/ngo-widgets.js"></script>');
  });

  it('shows every widget live on the index beside its snippet, with exactly the snippet\'s markup', () => {
    const index = read('index.html');
    const unescape = (html: string) => html.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    const lives = [...index.matchAll(/data-live-for="([\w-]+)">\s*<h3>[^<]*<\/h3>\s*(<ngo-[\s\S]*?<\/ngo-[\w-]+>)/g)];
    expect(lives.map((m) => /<(ngo-[\w-]+)/.exec(m[2]!)![1]).sort()).toEqual(Object.keys(WIDGETS).sort());
    for (const [, id, live] of lives) {
      const code = new RegExp(`<code id="${id}" data-snippet>([\\s\\S]*?)</code>`).exec(index)?.[1];
      expect(code, id).toBeDefined();
      const markup = unescape(code!).split('\n').filter((l) => !l.startsWith('<script')).join('\n').trim();
      expect(live, id).toBe(markup);
    }
  });

  it('links the index to every other demo page', () => {
    const index = read('index.html');
    for (const page of pages.filter((p) => p !== 'index.html')) expect(index, page).toContain(`href="${page}"`);
  });
});
