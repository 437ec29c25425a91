import { validationError } from './errors.js';

/**
 * Keyset (cursor) paging for public lists (issue 16): the next page starts after the last row of
 * this one, by its sort key and id, so a deep page costs what the first does (an index range), where
 * `OFFSET n` reads and drops n rows. The cursor is opaque to clients: base64url of `[key, id]`.
 */
export interface KeysetCursor {
  key: string;
  id: string;
}

export const encodeCursor = (c: KeysetCursor): string => Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url');

/** The cursor in `after`, or a 422 naming the parameter when it is not one this server issued. */
export function decodeCursor(value: string, param = 'after'): KeysetCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const ok = Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 100 && !/[\u0000-\u001f]/.test(v));
  if (!ok) throw validationError([{ path: param, code: 'invalid_format', message: 'Not a page cursor: use the `next` value of the previous page' }]);
  return { key: (parsed as string[])[0]!, id: (parsed as string[])[1]! };
}
