import type { ErrorEnvelope, FieldIssue } from '../../common/errors.js';

/** An error from the API envelope, or `network_error` (status 0) when the server could not be reached. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorEnvelope['error']['details'] = undefined,
    /** Seconds to wait before retrying (from `details.retryAfter` or the `Retry-After` header). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }

  /** Field issues of a `validation_failed` error, keyed by dotted path. */
  get issues(): FieldIssue[] {
    return this.details?.issues ?? [];
  }
}

/** Any failure as an `ApiError`: itself, or `network_error` for what never reached the server (an offline fetch, a failed chunk import). */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err));
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`, so that a retried POST returns the first answer. */
  idempotencyKey?: string;
  /** `omit` (default) for public routes; `same-origin` for staff routes. */
  credentials?: RequestCredentials;
  headers?: Record<string, string>;
  /** The HTTP cache mode: `no-cache` revalidates (ETag) after the person's own write, without a CORS preflight. */
  cache?: RequestCache;
}

/** Codes for error responses without an envelope (a proxy's 502, a static server's 404). */
const STATUS_CODES: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 429: 'rate_limited', 503: 'service_unavailable' };

/**
 * Calls `{base}{path}` and returns the parsed JSON (`undefined` for 204).
 * Throws `ApiError` for an error response or a network failure; an abort rejects with the signal's reason.
 */
export async function request<T>(base: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, idempotencyKey, credentials = 'omit', cache } = options;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let res: Response;
  try {
    res = await fetch(base.replace(/\/+$/, '') + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials,
      ...(cache ? { cache } : {}),
    });
  } catch (err) {
    if (signal?.aborted) throw signal.reason ?? err;
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : String(err));
  }
  if (res.status === 204) return undefined as T;
  let data: unknown;
  try {
    data = await res.json();
  } catch (err) {
    if (signal?.aborted) throw signal.reason ?? err;
    data = undefined;
  }
  if (res.ok) {
    if (data === undefined) throw new ApiError(res.status, 'internal_error', 'Not JSON');
    return data as T;
  }
  const e = (data as Partial<ErrorEnvelope> | undefined)?.error;
  const header = Number(res.headers.get('Retry-After'));
  const retryAfter = typeof e?.details?.retryAfter === 'number' ? e.details.retryAfter : header > 0 ? header : null;
  const fallback = STATUS_CODES[res.status] ?? (res.status >= 500 ? 'internal_error' : 'bad_request');
  throw new ApiError(res.status, typeof e?.code === 'string' ? e.code : fallback, typeof e?.message === 'string' ? e.message : res.statusText, e?.details, retryAfter);
}

/** A random `Idempotency-Key` (32 hex chars); make one per form submission and reuse it on retry. */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
