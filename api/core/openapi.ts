import { z } from 'zod';

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

/** The `{id}` path parameter every resource uses. */
export const IdParam = z.object({ id: z.string().min(1).max(64) });
