import type { ErrorCode, ErrorEnvelope, FieldIssue } from '../../common/errors.js';

/** The one error class of the API. `onError` turns it into the envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorEnvelope['error']['details'],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Resource') => new ApiError(404, 'not_found', `${what} not found`);

export const validationError = (issues: FieldIssue[]) =>
  new ApiError(422, 'validation_failed', 'Some fields are invalid', { issues });

export function envelope(code: ErrorCode, message: string, details?: ErrorEnvelope['error']['details'], requestId?: string): ErrorEnvelope {
  return { error: { code, message, ...(details ? { details } : {}), ...(requestId ? { requestId } : {}) } };
}
