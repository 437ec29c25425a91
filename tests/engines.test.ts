import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The runtime range (issue 15, item 7): `engines` admits every Node LTS line from 20 up that the
 * locked dependencies support, no odd (short-lived) line, and every locked package's own `engines`
 * holds at the lowest version the range admits on each line. A dependency that drops a line, or a
 * range that admits a version some package refuses, fails here and names the package.
 */
const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean; os?: string[]; cpu?: string[] }>;
};
const LTS = [20, 22, 24, 26];
const range = pkg.engines.node;

/** The lowest `<major>.<minor>.0` the range admits on a line, or null. */
function floorOn(major: number): string | null {
  for (let minor = 0; minor < 60; minor++) if (semver.satisfies(`${major}.${minor}.0`, range)) return `${major}.${minor}.0`;
  return null;
}

describe('the Node runtime range', () => {
  it('admits every LTS line from 20 up, and no odd line', () => {
    for (const major of LTS) expect(semver.intersects(range, `${major}.x`), `Node ${major}`).toBe(true);
    for (const major of [21, 23, 25]) expect(semver.intersects(range, `${major}.x`), `Node ${major}`).toBe(false);
    expect(semver.satisfies(process.version, range), `the Node here, ${process.version}`).toBe(true);
  });

  it("holds every locked package's own engines on each line, from the lowest version the range admits", () => {
    const refusals: string[] = [];
    for (const major of LTS) {
      const floor = floorOn(major);
      expect(floor, `Node ${major}`).not.toBeNull();
      for (const [path, p] of Object.entries(lock.packages)) {
        const wanted = !p.engines || Array.isArray(p.engines) ? undefined : p.engines.node;
        // Platform packages (optional, for another os or cpu, e.g. a wasm fallback) are never installed here.
        if (!path || !wanted || (p.optional && (p.os || p.cpu))) continue;
        if (!semver.satisfies(floor!, wanted)) refusals.push(`${path.replace(/^.*node_modules\//, '')} wants node ${wanted}, the range admits ${floor}`);
      }
    }
    expect(refusals).toEqual([]);
  });
});
