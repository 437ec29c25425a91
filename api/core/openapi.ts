import * as z from '../../common/zod.js';

export const ErrorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'snake_case code; widgets translate it' }),
      message: z.string(),
      details: z
        .object({
          issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
          retryAfter: z.number().optional(),
        })
        .catchall(z.unknown())
        .optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

const err = (description: string) => ({ description, content: { 'application/json': { schema: ErrorEnvelopeSchema } } });

/** The error responses every route can give. */
export const ErrorResponses = {
  400: err('Malformed JSON or bad request'),
  401: err('Not signed in'),
  403: err('Forbidden or CSRF check failed'),
  404: err('Not found'),
  413: err('Body too large'),
  415: err('Body is not application/json'),
  422: err('Validation failed; `details.issues` lists the fields'),
  429: err('Rate limited; see Retry-After'),
  500: err('Unexpected error'),
} as const;

/** A JSON response (or body) for `createRoute`: `200: jsonContent(Schema, 'What it is')`. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/**
 * A record id, checked by format before any query: letters, digits, `-` and `_` (application ids
 * are UUIDs from `newId()`; fixtures and imports use short slugs). Anything else is a 422 that
 * never reaches the database.
 */
export const RecordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not an id').meta({ description: 'Record id' });
/** The `{id}` path parameter every resource uses. */
export const IdParam = z.object({ id: RecordId });

/**
 * A secret link's token (`randomToken()`: base64url), checked by format before any query. Tokens
 * travel in the JSON body, never in the URL, so they stay out of access logs.
 */
export const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'Not a link token').meta({ description: 'The token of the e-mailed link' });
