import type { Context } from 'hono';
import type { AppEnv } from './context.js';
import { sha256 } from './ids.js';

/**
 * Conditional GET for public reads. The ETag is derived from a data version and the full URL,
 * so a 304 costs one tiny query and no rendering. Returns a 304 response, or null to go on.
 */
export function notModified(c: Context<AppEnv>, version: string, maxAge = 60): Response | null {
  const tag = `W/"${sha256(`${version}|${c.req.url}|${c.req.header('accept-language') ?? ''}`).slice(0, 27)}"`;
  c.header('ETag', tag);
  c.header('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`);
  c.header('Vary', 'Accept-Encoding, Origin');
  const inm = c.req.header('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim() === tag)) return c.body(null, 304);
  return null;
}
