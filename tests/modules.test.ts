import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canReach, sectionsFor } from '../common/admin.js';
import { CLAUSE_FORMS } from '../common/clauses.js';
import { ADMIN_SECTIONS, embedOf, MODULES, WIDGETS, type ModuleEntry } from '../common/modules.js';

const WIDGETS_DIR = join(import.meta.dirname, '..', 'widgets');
const NOT_MODULES = new Set(['core', 'build']);
const modules = Object.entries(MODULES) as [string, ModuleEntry][];

/** Every `defineOnce('<tag>', …)` in the widgets' own code (tests left out), by file relative to widgets/. */
function definitions(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, d.name);
      if (d.isDirectory()) walk(path);
      else if (d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !d.name.endsWith('.d.ts')) {
        const tags = [...readFileSync(path, 'utf8').matchAll(/\bdefineOnce\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!);
        if (tags.length) found.set(relative(WIDGETS_DIR, path).replaceAll('\\', '/'), tags);
      }
    }
  };
  walk(WIDGETS_DIR);
  return found;
}

const defined = definitions();
const whereDefined = (tag: string) => [...defined].filter(([, tags]) => tags.includes(tag)).map(([file]) => file);

describe('the module table (common/modules.ts)', () => {
  it('has a widget folder for every module', () => {
    const folders = readdirSync(WIDGETS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory() && !NOT_MODULES.has(d.name)).map((d) => d.name);
    for (const slug of Object.keys(MODULES)) expect(folders, slug).toContain(slug);
  });

  it('lists every widget entry file `widgets/<slug>/<slug>.ts`, and each listed file defines its tag', () => {
    const listed = modules.flatMap(([, m]) => Object.entries(m.widgets).map(([tag, w]) => [tag, w!.src] as const));
    // A folder may hold a module still being built (its parts, no entry yet); once it has an entry, the table lists it.
    for (const d of readdirSync(WIDGETS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory() && !NOT_MODULES.has(d.name))) {
      const file = `${d.name}/${d.name}.ts`;
      if (existsSync(join(WIDGETS_DIR, file))) expect(listed.map(([, src]) => src), `${file} is not in the table`).toContain(file);
    }
    for (const [tag, src] of listed) expect(whereDefined(tag), `<${tag}>`).toEqual([src]);
  });

  it('gives every widget of the loader to exactly one module, and the loader every module widget', () => {
    const owners = (tag: string) => modules.filter(([, m]) => Object.hasOwn(m.widgets, tag)).map(([slug]) => slug);
    for (const tag of Object.keys(WIDGETS)) expect(owners(tag), `<${tag}>`).toHaveLength(1);
    for (const [, m] of modules) for (const tag of Object.keys(m.widgets)) expect(Object.keys(WIDGETS)).toContain(tag);
  });

  it('lists every staff section that a file defines, each defined by the file the table names, with its parts', () => {
    for (const [name, s] of Object.entries(ADMIN_SECTIONS)) {
      expect(s.tag, name).toBe(`ngo-admin-${name}`);
      expect(whereDefined(s.tag), s.tag).toEqual([s.src]);
    }
    // A section's element is `ngo-admin-<section>`; its parts, `ngo-admin-<section>-<part>`, come with it.
    for (const [file, tags] of defined) {
      for (const tag of tags.filter((t) => t.startsWith('ngo-admin-'))) {
        // The panel's own start screen is no module's section: it comes in the chunk of the panel's sections.
        if (tag === 'ngo-admin-start') {
          expect(file, `<${tag}>`).toBe(ADMIN_SECTIONS.staff.src);
          continue;
        }
        const section = Object.entries(ADMIN_SECTIONS).find(([, s]) => tag === s.tag || tag.startsWith(`${s.tag}-`));
        expect(section, `${file} defines <${tag}>, which is no section in the table`).toBeDefined();
        expect(file, `<${tag}>`).toBe(section![1].src);
      }
    }
  });

  it('builds each chunk from one file', () => {
    const chunks = new Map<string, Set<string>>();
    const add = (chunk: string, src: string) => chunks.set(chunk, (chunks.get(chunk) ?? new Set()).add(src));
    for (const [, m] of modules) {
      for (const [tag, w] of Object.entries(m.widgets)) add(WIDGETS[tag as keyof typeof WIDGETS].chunk, w!.src);
      for (const s of Object.values(m.sections ?? {})) add(s.chunk, s.src);
    }
    for (const [chunk, srcs] of chunks) expect([...srcs], chunk).toHaveLength(1);
    expect(chunks.has('ngo-widgets.js'), 'the loader’s own name').toBe(false);
  });

  it('frames only widgets with embed attributes, at their module’s slug', () => {
    expect(embedOf('map')).toMatchObject({ tag: 'ngo-map' });
    expect(embedOf('map')!.attributes).toContain('district');
    expect(embedOf('consultations')).toMatchObject({ tag: 'ngo-consultation' });
    expect(embedOf('admin')).toBeNull();
    expect(embedOf('toString')).toBeNull();
    // One framed widget per embed path: the module's slug itself, or `/embed/<slug>/<embedPath>`.
    for (const [slug, m] of modules) {
      const paths = Object.values(m.widgets).filter((w) => w!.embed).map((w) => w!.embedPath ?? '');
      expect(new Set(paths).size, slug).toBe(paths.length);
    }
    expect(embedOf('advice')).toMatchObject({ tag: 'ngo-advice-form' });
    expect(embedOf('advice', 'status')).toMatchObject({ tag: 'ngo-advice-status' });
    expect(embedOf('advice', 'nothing')).toBeNull();
  });

  it('derives the sections each role reaches and the clause forms', () => {
    expect(sectionsFor('moderator')).toEqual(['map', 'consultations', 'events', 'outbox']);
    expect(sectionsFor('admin')).toEqual(['map', 'consultations', 'events', 'surveys', 'guide', 'advice', 'staff', 'audit', 'outbox', 'settings']);
    expect(sectionsFor('adviser')).toEqual(['advice', 'outbox']);
    expect(sectionsFor('editor')).toEqual(['map', 'consultations', 'events', 'surveys', 'guide', 'outbox']);
    expect(canReach('editor', 'consultations')).toBe(true);
    expect(canReach('editor', 'settings')).toBe(false);
    expect(CLAUSE_FORMS).toEqual(['map', 'consultations', 'events', 'advice']);
  });
});
