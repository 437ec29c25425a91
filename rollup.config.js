// Builds the widgets into dist/widgets/: the loader (ngo-widgets.js), one entry per widget
// (ngo-<slug>.js), and one shared chunk with Lit and widgets/core. See widgets/README.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { cssString } from './widgets/build/css-string.js';

const OUT = 'dist/widgets';
const VERSION_PLACEHOLDER = '@@NGOVER@@'; // 10 chars, replaced by a 10-char content hash

/**
 * Widget entries: every `widgets/<slug>/<slug>.ts` that exists. Its output name is the chunk named
 * for that slug in common/widgets.ts (read as text: the config cannot import TypeScript), else `ngo-<slug>`.
 */
function widgetEntries() {
  const registry = readFileSync('common/widgets.ts', 'utf8');
  const chunkOf = new Map();
  for (const m of registry.matchAll(/chunk:\s*'([^']+)\.js',\s*slug:\s*'([^']+)'/g)) chunkOf.set(m[2], m[1]);
  const only = process.env.NGO_WIDGETS?.split(',').filter(Boolean); // e.g. NGO_WIDGETS=admin,map
  const entries = {};
  for (const d of readdirSync('widgets', { withFileTypes: true })) {
    if (!d.isDirectory() || d.name === 'core' || d.name === 'build') continue;
    if (only && !only.includes(d.name)) continue;
    const file = `widgets/${d.name}/${d.name}.ts`;
    if (existsSync(file)) entries[chunkOf.get(d.name) ?? `ngo-${d.name}`] = file;
  }
  return entries;
}

// The shared chunk: Lit and what every widget needs to render. The API client, the event classes, form
// blocks, PoW and @lit/task are left to rollup, which puts each in the widget that uses it, or in a shared chunk once
// two widgets do; that keeps the Lit chunk within its 8 kB budget.
const SHARED = [/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/(?!directives)/, /\/widgets\/core\/(base\.element|define|theme|i18n\/(index|types))\.ts$/];

/**
 * Lit's css`` literals keep their whitespace through terser; squeeze it out of our own sources.
 * Only whitespace runs, comments and spaces next to `{ } ; ,` and after `:` in declarations go.
 */
function minifyCssLiterals() {
  return {
    name: 'ngo-minify-css-literals',
    transform(code, id) {
      if (!/\/widgets\/.*\.ts$/.test(id.replaceAll('\\', '/')) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`]*)`/g, (_, body) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${min}\``;
      });
      return { code: out, map: null };
    },
  };
}

/** The loader asks for `<chunk>?v=<hash of all widget code>`, so a changed widget gets a new, immutable URL. */
function versionLoader() {
  return {
    name: 'ngo-version-loader',
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      for (const f of Object.values(bundle).sort((a, b) => a.fileName.localeCompare(b.fileName))) {
        if (f.type === 'chunk' && f.name !== 'ngo-widgets') hash.update(f.code);
      }
      const version = hash.digest('hex').slice(0, VERSION_PLACEHOLDER.length);
      const loader = bundle['ngo-widgets.js'];
      if (!loader?.code.includes(VERSION_PLACEHOLDER)) this.error('loader: version placeholder not found');
      loader.code = loader.code.replaceAll(VERSION_PLACEHOLDER, version);
      const shared = Object.values(bundle).filter((f) => f.type === 'chunk' && /^chunks\//.test(f.fileName)).map((f) => f.fileName);
      if (loader.imports.length) this.error(`the loader must not import other chunks, but imports ${loader.imports.join(', ')}`);
      // The loader imports entries as `<entry>?v=…`; a chunk importing one by its plain name would run it a second time.
      const entries = new Set(Object.values(bundle).filter((f) => f.type === 'chunk' && f.isEntry).map((f) => f.fileName));
      for (const f of Object.values(bundle)) {
        const bad = f.type === 'chunk' ? [...f.imports, ...f.dynamicImports].filter((i) => entries.has(i)) : [];
        if (bad.length) this.error(`${f.fileName} imports the entry ${bad.join(', ')}: move what it needs into a module of its own`);
      }
      this.info?.(`version ${version}; shared: ${shared.join(', ')}`);
    },
  };
}

/** Empties dist/widgets before a full build, so old hashed chunks do not pile up (not for partial builds). */
function cleanOutput() {
  let cleaned = false;
  return {
    name: 'ngo-clean-output',
    buildStart() {
      if (cleaned || process.env.NGO_WIDGETS) return;
      cleaned = true;
      rmSync(OUT, { recursive: true, force: true });
    },
  };
}

/** Type declarations for the widgets (dist/widgets/types), skipped in watch mode and with NGO_NO_DTS=1. */
function declarations() {
  return {
    name: 'ngo-declarations',
    writeBundle() {
      if (this.meta.watchMode || process.env.NGO_NO_DTS) return;
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.widgets.json'], { stdio: 'inherit' });
    },
  };
}

export default {
  input: { 'ngo-widgets': 'widgets/loader.ts', ...widgetEntries() },
  output: {
    dir: OUT,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    manualChunks(id) {
      if (SHARED.some((re) => re.test(id.replaceAll('\\', '/')))) return 'core';
      return undefined;
    },
    plugins: [terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } })],
  },
  plugins: [
    cleanOutput(),
    cssString(),
    minifyCssLiterals(),
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ target: 'es2022', define: { __NGO_VERSION__: JSON.stringify(VERSION_PLACEHOLDER) }, tsconfig: 'tsconfig.json' }),
    versionLoader(),
    declarations(),
  ],
  preserveEntrySignatures: 'strict',
};
