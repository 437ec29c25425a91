/** Rebuilds the widget bundle when it is missing or older than its sources (used by `npm start`, e2e and bench). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from './common.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const WIDGETS_DIST = join(ROOT, 'dist', 'widgets');
const LOADER = join(WIDGETS_DIST, 'ngo-widgets.js');
const SOURCES = ['widgets', 'common', 'rollup.config.js', 'package.json'];

/** Newest modification time under `path` (tests excluded: they are not in the bundle). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the widget bundle must be rebuilt, or `null` when it is up to date. */
export function buildReason(): string | null {
  if (!existsSync(LOADER)) return 'dist/widgets is missing';
  const built = statSync(LOADER).mtimeMs;
  const changed = SOURCES.find((s) => newestMtime(join(ROOT, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** `npm run build` when the bundle is missing or stale. */
export function ensureBuild(): void {
  if (!existsSync(join(ROOT, 'rollup.config.js'))) {
    console.warn('[build] rollup.config.js not found; serving without widgets');
    return;
  }
  const reason = buildReason();
  if (!reason) return;
  console.log(`[build] building widgets (${reason})…`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new CliError('the widget build failed (npm run build); see the output above');
}

