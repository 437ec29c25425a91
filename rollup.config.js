// Builds the widgets into dist/widgets/: the loader (ngo-widgets.js), one entry per widget and per
// staff-panel section (named in common/modules.ts), and one shared chunk with Lit and widgets/core.
// See widgets/README.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { buildSync } from 'esbuild';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { cssString } from './widgets/build/css-string.js';

const OUT = 'dist/widgets';
const VERSION_PLACEHOLDER = '@@NGOVER@@'; // 10 chars, replaced by a 10-char content hash

/**
 * The module table (common/modules.ts), compiled with esbuild: the config cannot import TypeScript.
 * Its widgets and staff sections are the build's entries, each named for its chunk.
 */
function moduleTable() {
  const { outputFiles } = buildSync({ entryPoints: ['common/modules.ts'], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}
const { MODULES, WIDGETS } = await moduleTable();

/** Entries: every widget's and every staff section's file, named for its chunk. `NGO_WIDGETS=admin,map` builds only those modules. */
function moduleEntries() {
  const only = process.env.NGO_WIDGETS?.split(',').filter(Boolean);
  const entries = {};
  for (const [slug, m] of Object.entries(MODULES)) {
    if (only && !only.includes(slug)) continue;
    for (const { chunk, src } of [...Object.values(m.widgets), ...Object.values(m.sections ?? {})]) entries[chunk.replace(/\.js$/, '')] = `widgets/${src}`;
  }
  return entries;
}

/**
 * The loader imports `WIDGETS` from common/modules.ts; the build gives it that object as a literal
 * instead of the module, so the rest of the table (embed attributes, sections, roles) does not
 * reach the loader. Anything else the loader imported from there would fail the build.
 */
function loaderTable() {
  const ID = '\0ngo-loader-table';
  return {
    name: 'ngo-loader-table',
    resolveId(source, importer) {
      if (source === '../common/modules.js' && importer?.replaceAll('\\', '/').endsWith('/widgets/loader.ts')) return ID;
      return null;
    },
    load(id) {
      return id === ID ? `export const WIDGETS = ${JSON.stringify(WIDGETS)};` : null;
    },
  };
}

// The shared chunk: Lit and what every widget needs to render. The API client, the event classes, form
// blocks, PoW and @lit/task are left to rollup, which puts each in the widget that uses it, or in a shared chunk once
// two widgets do; that keeps the Lit chunk within its 8 kB budget. Lit's directive classes
// (directive.js, directive-helpers.js, directives/) go with the few widgets whose directives need them.
const SHARED = [/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/(?!directive)/, /\/widgets\/core\/(base\.element|define|theme|i18n\/(index|types))\.ts$/];

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

/**
 * The loader asks for `<chunk>?v=<hash of all widget code>`, and so does the staff panel for its
 * sections, so a changed widget gets a new, immutable URL. The hash goes into every chunk that asks;
 * those must be entries, whose names carry no content hash of their own.
 */
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
      for (const f of Object.values(bundle)) {
        if (f.type !== 'chunk' || !f.code.includes(VERSION_PLACEHOLDER)) continue;
        if (!f.isEntry) this.error(`${f.fileName} asks for versioned chunks but is not an entry: its hashed name would not change with the version`);
        f.code = f.code.replaceAll(VERSION_PLACEHOLDER, version);
      }
      const shared = Object.values(bundle).filter((f) => f.type === 'chunk' && /^chunks\//.test(f.fileName)).map((f) => f.fileName);
      if (loader.imports.length) this.error(`the loader must not import other chunks, but imports ${loader.imports.join(', ')}`);
      // The loader and the panel import entries as `<entry>?v=…`; a chunk importing one by its plain name would run it a second time.
      const entries = new Set(Object.values(bundle).filter((f) => f.type === 'chunk' && f.isEntry).map((f) => f.fileName));
      for (const f of Object.values(bundle)) {
        const bad = f.type === 'chunk' ? [...f.imports, ...f.dynamicImports].filter((i) => entries.has(i)) : [];
        if (bad.length) this.error(`${f.fileName} imports the entry ${bad.join(', ')}: move what it needs into a module of its own`);
      }
      this.info?.(`version ${version}; shared: ${shared.join(', ')}`);
    },
  };
}

/**
 * Workers as files of the widget host: `new URL('./<name>.worker.ts', import.meta.url)` in a widget
 * module becomes the URL of `chunks/<name>-worker-<hash>.js` (immutable, like every hashed chunk),
 * built from that module as a chunk of its own and found relative to the importing chunk's URL, so
 * it works wherever the bundles are served. The worker is an ES module (`{ type: 'module' }`).
 * Never a blob: URL, which a strict host CSP refuses. The test runner serves the .ts source itself.
 */
function workerUrls() {
  const WORKER = /new URL\((['"])\.\/([\w-]+(?:\.[\w-]+)*)\.worker\.ts\1,\s*import\.meta\.url\)/g;
  return {
    name: 'ngo-worker-urls',
    transform(code, id) {
      if (!code.includes('.worker.ts')) return null;
      const out = code.replace(WORKER, (_, _q, name) => {
        const ref = this.emitFile({ type: 'chunk', id: resolve(dirname(id), `${name}.worker.ts`), name: `${basename(name)}-worker` });
        return `new URL(import.meta.ROLLUP_FILE_URL_${ref})`;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Widgets never carry zod: it is server-side validation (tens of kB), and its `new Function` probe
 * is a CSP violation on a host without 'unsafe-eval'. Widgets import plain constants (common/<slug>.ts)
 * and types, never values from a `*.schema.ts` module.
 */
function noZodInWidgets() {
  const isZod = (id) => id.replaceAll('\\', '/').includes('/node_modules/zod/');
  return {
    name: 'ngo-no-zod-in-widgets',
    generateBundle() {
      const culprits = [...this.getModuleIds()].filter((id) => !isZod(id) && (this.getModuleInfo(id)?.importedIds ?? []).some(isZod));
      if (culprits.length) this.error(`zod reached the widget bundles through ${culprits.map((id) => id.replace(process.cwd() + '/', '')).join(', ')}: import constants from a zod-free module (common/<slug>.ts) and schemas as types only`);
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

/**
 * Subresource Integrity: after the files are written, `dist/widgets/sri.json` holds the sha384 of
 * the loader and of every chunk (the bytes as served, before any transfer compression), so a host
 * page can pin a release: `integrity` on the loader's script tag, and an import map's `integrity`
 * for the chunks the loader imports (keys as the loader asks for them, entries with `?v=<version>`).
 */
function subresourceIntegrity() {
  return {
    name: 'ngo-sri',
    writeBundle(options, bundle) {
      const dir = options.dir ?? OUT;
      const loader = readFileSync(`${dir}/ngo-widgets.js`, 'utf8');
      const version = /[?&]v=([0-9a-f]{10})/.exec(loader)?.[1] ?? null;
      const files = {};
      const importMap = {};
      for (const f of Object.values(bundle).sort((a, b) => a.fileName.localeCompare(b.fileName))) {
        if (f.type !== 'chunk') continue;
        const hash = `sha384-${createHash('sha384').update(readFileSync(`${dir}/${f.fileName}`)).digest('base64')}`;
        files[f.fileName] = hash;
        if (f.name === 'ngo-widgets') continue;
        importMap[f.isEntry && version ? `${f.fileName}?v=${version}` : f.fileName] = hash;
      }
      writeFileSync(`${dir}/sri.json`, JSON.stringify({ algorithm: 'sha384', version, files, importMap }, null, 2) + '\n');
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
  input: { 'ngo-widgets': 'widgets/loader.ts', ...moduleEntries() },
  output: {
    dir: OUT,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    manualChunks(id) {
      const path = id.replaceAll('\\', '/');
      if (SHARED.some((re) => re.test(path))) return 'core';
      // A form's state and its draft notice go together: every form that keeps a draft shows the notice.
      if (/\/widgets\/core\/(form-state|draft-notice)\.ts$/.test(path)) return 'form-kit';
      return undefined;
    },
    plugins: [terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } })],
  },
  plugins: [
    cleanOutput(),
    loaderTable(),
    cssString(),
    workerUrls(),
    minifyCssLiterals(),
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ target: 'es2022', define: { __NGO_VERSION__: JSON.stringify(VERSION_PLACEHOLDER) }, tsconfig: 'tsconfig.json' }),
    versionLoader(),
    noZodInWidgets(),
    subresourceIntegrity(),
    declarations(),
  ],
  preserveEntrySignatures: 'strict',
  treeshake: {
    // @date-fns/tz's modules only define its own classes; without this, every widget that reads a
    // date through common/time.ts carried TZDate (2 kB) though only a staff section converts time zones.
    moduleSideEffects: (id) => !id.replaceAll('\\', '/').includes('/node_modules/@date-fns/tz/'),
  },
};
