/**
 * Error codes of the API envelope `{ error: { code, message, details? } }`.
 * Codes are snake_case and double as translation keys in the widgets (`error.<code>`).
 */
export const ERROR_CODES = [
  'bad_request',
  'malformed_json',
  'validation_failed',
  'unauthorized',
  'invalid_credentials',
  'csrf_failed',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'challenge_required',
  'abuse_detected',
  'challenge_failed',
  'too_fast',
  'idempotency_key_reused',
  'idempotency_in_progress',
  'link_invalid',
  'internal_error',
  'service_unavailable',
  'service_busy',
] as const;

export type CoreErrorCode = (typeof ERROR_CODES)[number];
/** Modules may add their own codes (`consultation_closed`); the core ones are listed above. */
export type ErrorCode = CoreErrorCode | (string & {});

export interface FieldIssue {
  /** Dotted path of the field, e.g. `contact.email`. */
  path: string;
  /** Machine-readable reason: `required`, `too_long`, `invalid_format`, … */
  code: string;
  message: string;
}

export interface ErrorEnvelope {
  error: {
    code: ErrorCode;
    message: string;
    details?: { issues?: FieldIssue[]; retryAfter?: number; [k: string]: unknown };
    requestId?: string;
  };
}
