import type { z } from 'zod';
import { CSRF_HEADER } from '../../common/admin.js';
import type { SessionInfo } from '../../common/admin.schema.js';
import { ApiError, request, type RequestOptions } from './api.js';
import { NgoUnauthorizedEvent } from './events.js';

/** `GET /v1/admin/session`: who is signed in, the sections they reach and the CSRF token. */
export type StaffSession = z.infer<typeof SessionInfo>;

/** What a staff write needs of the session: its CSRF token (`null` for reads). */
export type SessionToken = Pick<StaffSession, 'csrfToken'> | null;

/**
 * A staff request: same-origin with the session cookie, and the CSRF token on unsafe methods.
 * Staff routes are never CORS-enabled, so `base` must be the page's own origin.
 */
export function staffRequest<T>(base: string, path: string, session: SessionToken, options: RequestOptions = {}): Promise<T> {
  const unsafe = (options.method ?? 'GET') !== 'GET';
  return request<T>(base, path, {
    ...options,
    credentials: 'same-origin',
    headers: { ...options.headers, ...(unsafe && session ? { [CSRF_HEADER]: session.csrfToken } : {}) },
  });
}

/** Passes `p` through; on a 401 it first fires `ngo-unauthorized` on `target`, so that `<ngo-admin>` returns to its sign-in form. */
export function guardStaff<T>(target: EventTarget, p: Promise<T>): Promise<T> {
  return p.catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) target.dispatchEvent(new NgoUnauthorizedEvent());
    throw err;
  });
}
