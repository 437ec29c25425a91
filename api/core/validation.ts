import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { z } from 'zod';
import type { FieldIssue } from '../../common/errors.js';
import { validationError } from './errors.js';
import type { AppEnv } from './context.js';

/** Turns zod issues into the envelope's per-field issues. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    code: issueCode(i),
    message: i.message,
  }));
}

function issueCode(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? 'required' : 'invalid_type';
    case 'too_big':
      return 'too_long';
    case 'too_small':
      return i.origin === 'string' && i.minimum === 1 ? 'required' : 'too_short';
    case 'invalid_format':
      return 'invalid_format';
    case 'invalid_value':
      return 'invalid_value';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return i.code;
  }
}

/**
 * A router for one feature. Request validation failures become 422 envelopes, and routes declared
 * with `createRoute` land in the OpenAPI document.
 */
export function createRouter<E extends Env = AppEnv>() {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(toFieldIssues(result.error as z.ZodError));
    },
  });
}

/** Parses with a zod schema outside the request validators (CLI, import), throwing the same 422. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(toFieldIssues(r.error));
  return r.data;
}
