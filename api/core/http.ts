import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from './context.js';
import { ApiError, envelope } from './errors.js';
import { asBusy } from './reads.js';
import { UPLOAD_CONTENT_TYPE } from './uploads.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isUnsafe = (method: string) => UNSAFE.has(method);

/**
 * For writes: the body must be JSON (415 otherwise), at most the route's limit in bytes (413; a
 * number, or `limitOf(method, path)`: see `body-limits.ts`), and parse (400).
 * The parsed body is cached by Hono, so the route validators reuse it. On the `uploads` paths
 * (the manifests' `uploads`), a raw file (`application/octet-stream`) passes untouched: the route
 * reads it with its own limit (`readUpload`).
 */
export function jsonBody(limitOf: number | ((method: string, path: string) => number), uploads: readonly string[] = []): MiddlewareHandler<AppEnv> {
  const isUpload = pathMatcher(uploads);
  return async (c, next) => {
    if (!isUnsafe(c.req.method)) return next();
    if (isUpload(c.req.path) && (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === UPLOAD_CONTENT_TYPE) return next();
    const limit = typeof limitOf === 'number' ? limitOf : limitOf(c.req.method, c.req.path);
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > limit) throw new ApiError(413, 'payload_too_large', `Request body exceeds ${limit} bytes`);
    const text = await readLimited(c.req.raw, limit);
    if (text === null) throw new ApiError(413, 'payload_too_large', `Request body exceeds ${limit} bytes`);
    if (text.length === 0 && c.req.method === 'DELETE') return next();
    if (text.length === 0 && !c.req.header('content-type')) return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
    try {
      JSON.parse(text);
    } catch {
      throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON');
    }
    return next();
  };
}

/**
 * The body as text, or null past `limit` bytes. Reads a clone chunk by chunk and stops at the
 * limit, so a chunked upload without Content-Length cannot make the server buffer all of it.
 */
async function readLimited(req: Request, limit: number): Promise<string | null> {
  if (!req.body) return '';
  const reader = req.clone().body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-upload: its fault, not ours (and nothing to log as an error).
      throw new ApiError(400, 'bad_request', 'The request body was cut off');
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a tee'd branch's cancel settles only once the original body is cancelled too.
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * What the request log says about where a request went: the pattern of the route that answered
 * (`/v1/map/organisations/:id`), never the raw path, which may carry a secret. The raw path is
 * added only for routes without parameters (fixed routes and static files). An unmatched
 * request logs no path at all: it might be an old link with a token in it.
 */
export function routeForLog(c: Context): { route: string | null; path?: string } {
  const endpoint = matchedRoutes(c).filter((r) => r.method !== 'ALL').at(-1);
  if (!endpoint) return { route: null };
  return endpoint.path.includes(':') ? { route: endpoint.path } : { route: endpoint.path, path: c.req.path };
}

/** Converts any thrown value into the error envelope; internals never leak. */
export function errorResponse(err: unknown, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId');
  if (err instanceof ApiError) {
    if (err.headers) for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return c.json(envelope(err.code, err.message, err.details, requestId), err.status as 400);
  }
  const busyErr = asBusy(err);
  if (busyErr) return errorResponse(busyErr, c);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 400 ? 'malformed_json' : status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : 'bad_request';
    return c.json(envelope(code, status === 400 ? 'The request body is not valid JSON' : err.message || 'Bad request', undefined, requestId), status);
  }
  c.get('log')?.error('unhandled error', { err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) });
  return c.json(envelope('internal_error', 'Something went wrong on our side', undefined, requestId), 500);
}

/** Whether a path matches one of the Hono patterns (`/v1/admin/advice/cases/:id/attachments`). */
export function pathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const res = patterns.map(patternRegex);
  return (path) => res.some((re) => re.test(path));
}

/** A Hono route pattern as a regular expression; each `:param` (with its optional `{…}` constraint) matches one segment. */
const patternRegex = (path: string) => new RegExp('^' + path.replace(/\/$/, '').replace(/:[A-Za-z0-9_]+(\{[^}]+\})?/g, '[^/]+') + '/?$');

/** Compiles Hono route paths so that an unmatched method can be told from an unknown path (405 vs 404). */
export function methodMatcher(routes: { method: string; path: string }[]) {
  const compiled = routes
    .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    .map((r) => ({ method: r.method, re: patternRegex(r.path) }));
  return (path: string): string[] => [...new Set(compiled.filter((r) => r.re.test(path)).map((r) => r.method))];
}
