import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import type { AppEnv } from './context.js';
import { acceptedEncoding } from './static.js';

/** Below this a compressed body plus its header saves nothing. */
export const COMPRESS_MIN_BYTES = 1024;
/** Compressed bodies kept, by encoding and ETag (each names one body: a data version, a URL, a language). */
const MAX_KEPT = 500;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses public JSON answers of 1 kB and more, with Brotli or gzip as the client accepts
 * (`Vary: Accept-Encoding`). Node's zlib rather than Hono's `compress` middleware: that one knows
 * no Brotli and compresses every answer again, where a cached read (`memoJson`, a weak ETag per data
 * version and URL) is compressed here once per encoding and kept while its version lasts (with the
 * body cache on). Brotli at quality 5, gzip at level 6: a dynamic answer's trade of size for time;
 * the work runs on zlib's thread pool, off the event loop. Staff routes, files (their own gzip,
 * `sendCachedFile`), errors and small bodies pass unchanged.
 */
export function compressPublicJson(config: Config): MiddlewareHandler<AppEnv> {
  const kept = new Map<string, Promise<Buffer>>();
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method !== 'GET' || c.req.path.startsWith('/v1/admin') || res.status !== 200 || res.headers.has('Content-Encoding') || !res.body) return;
    if (!/^application\/json\b/.test(res.headers.get('Content-Type') ?? '')) return;
    const length = res.headers.get('Content-Length');
    if (length !== null && Number(length) < COMPRESS_MIN_BYTES) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (body.length >= COMPRESS_MIN_BYTES && !/\baccept-encoding\b/i.test(headers.get('Vary') ?? '')) headers.set('Vary', headers.has('Vary') ? `${headers.get('Vary')}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = body.length >= COMPRESS_MIN_BYTES ? acceptedEncoding(c.req.header('accept-encoding')) : null;
    if (!encoding) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    const compress = () => (encoding === 'br' ? brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipAsync(body, { level: 6 }));
    const etag = headers.get('ETag');
    let out: Promise<Buffer>;
    if (etag && config.reads.bodyCache) {
      const key = `${encoding}|${etag}`;
      out = kept.get(key) ?? compress();
      kept.delete(key);
      kept.set(key, out);
      if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
    } else {
      out = compress();
    }
    const compressed = await out;
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(compressed.length));
    c.res = new Response(new Uint8Array(compressed), { status: res.status, headers });
  };
}
