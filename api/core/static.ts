import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { Hono, type Context } from 'hono';
import type { Config } from '../config.js';
import type { AppEnv } from './context.js';
import { envelope } from './errors.js';
import { embedRoutes } from './embed.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StaticOptions {
  /** Built bundles, served at `/widgets/*`. Default: `dist/widgets`. */
  widgetsDir?: string;
  /** Demo pages, served at `/demo/*`. Default: `demo`. */
  demoDir?: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.geojson': 'application/geo+json',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=300';

/** `chunks/name-<hash>.js` (and its source map): the hash changes whenever the content does. */
const HASHED_CHUNK = /^chunks\/[\w.-]+-[\w-]{8,}\.js(\.map)?$/;

/**
 * Turns the raw (still percent-encoded) path below a mount point into a file inside `root`, or
 * `null`. Every segment is decoded on its own, so `%2F`, `%5C`, `..`, NUL and dotfiles are refused
 * rather than normalised, and the result must still lie inside `root`.
 */
export function safeJoin(root: string, rawPath: string): string | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg.startsWith('.') || /[\\/\0:]/.test(seg)) return null;
    segments.push(seg);
  }
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : null;
}

interface Cached { mtimeMs: number; size: number; body: Buffer; etag: string; br?: Promise<Buffer>; gzip?: Promise<Buffer> }
const cache = new Map<string, Cached>();

/** Text types worth compressing; images (PNG, ICO) are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.map', '.json', '.html', '.css', '.svg', '.txt', '.geojson']);
/** Below this a compressed body plus its header saves nothing. */
const MIN_COMPRESS_BYTES = 512;

/**
 * The encoding to send: Brotli, else gzip, when the client accepts it (a `q=0` refuses) and the
 * file is compressible text. Each file is compressed once, at its best level, and kept beside its body.
 */
export function pickEncoding(acceptEncoding: string | undefined, file: string, size: number): 'br' | 'gzip' | null {
  if (size < MIN_COMPRESS_BYTES || !COMPRESSIBLE.has(extname(file).toLowerCase())) return null;
  return acceptedEncoding(acceptEncoding);
}

/** Brotli, else gzip, when `Accept-Encoding` accepts it (a `q=0` refuses); null for neither. */
export function acceptedEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compressed off the event loop (zlib's thread pool), once per file and encoding. */
function encoded(entry: Cached, encoding: 'br' | 'gzip'): Promise<Buffer> {
  if (encoding === 'br') return (entry.br ??= brotliAsync(entry.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.size } }));
  return (entry.gzip ??= gzipAsync(entry.body, { level: 9 }));
}

/** Reads a regular file with a content ETag; the stat per request keeps `rollup --watch` output fresh. */
async function load(file: string): Promise<Cached | null> {
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) return null;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
  const body = await readFile(file);
  const entry = { mtimeMs: st.mtimeMs, size: st.size, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
  cache.set(file, entry);
  return entry;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => { const v = t.trim().replace(/^W\//, ''); return v === etag || v === '*'; });
}

async function sendFile(c: Context<AppEnv>, file: string | null, headers: Record<string, string>) {
  const entry = file ? await load(file) : null;
  if (!file || !entry) return c.json(envelope('not_found', 'No such file', undefined, c.get('requestId')), 404, headers);
  const encoding = pickEncoding(c.req.header('accept-encoding'), file, entry.size);
  // One ETag per representation, so a cache never answers a gzip validator with a Brotli body.
  const etag = encoding ? `${entry.etag.slice(0, -1)}-${encoding}"` : entry.etag;
  const all: Record<string, string> = { ...headers, ETag: etag, 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' };
  if (COMPRESSIBLE.has(extname(file).toLowerCase())) all.Vary = 'Accept-Encoding';
  if (encoding) all['Content-Encoding'] = encoding;
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304, all);
  return c.body(new Uint8Array(encoding ? await encoded(entry, encoding) : entry.body), 200, all);
}

/** The raw path after `prefix`, taken from the URL itself so nothing has been decoded or normalised yet. */
const rawRest = (c: Context, prefix: string) => new URL(c.req.url).pathname.slice(prefix.length);

/** `/widgets/*` (built bundles, CORS-open), `/demo/*` (host-site simulations), `/embed/:slug` and `/` → `/demo/`. */
export function staticRoutes(config: Config, options: StaticOptions = {}) {
  const widgetsDir = options.widgetsDir ?? join(ROOT, 'dist', 'widgets');
  const demoDir = options.demoDir ?? join(ROOT, 'demo');
  const app = new Hono<AppEnv>();

  app.get('/', (c) => c.redirect('/demo/', 302));

  app.get('/widgets/*', (c) => {
    const rel = rawRest(c, '/widgets/');
    // Module scripts load in CORS mode from any host page.
    const cors = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    const versioned = c.req.query('v') !== undefined || HASHED_CHUNK.test(rel);
    return sendFile(c, safeJoin(widgetsDir, rel), { ...cors, 'Cache-Control': versioned ? IMMUTABLE : SHORT });
  });

  app.get('/demo', (c) => c.redirect('/demo/', 301));
  app.get('/demo/*', (c) => {
    let rel = rawRest(c, '/demo/');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    // No demo page is framed (the staff panel among them: clickjacking). Deciding for all of /demo
    // leaves nothing to the spelling of the path (`//admin.html`, `%61dmin.html`); framing is /embed's job.
    return sendFile(c, safeJoin(demoDir, rel), { 'Cache-Control': 'no-cache', 'Content-Security-Policy': "frame-ancestors 'none'" });
  });

  app.route('/embed', embedRoutes(config));
  return app;
}
