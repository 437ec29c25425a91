import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Env } from 'hono';
import * as z from '../../common/zod.js';
import { isCachedRead } from './cache.js';
import type { FieldIssue } from '../../common/errors.js';
import { validationError } from './errors.js';
import type { AppEnv } from './context.js';

/**
 * Turns zod issues into the envelope's per-field issues. Pass the parsed `input` so that a value of
 * the wrong type (`invalid_type`) can be told from a missing one (`required`): zod 4 leaves the
 * input out of its issues.
 */
export function toFieldIssues(error: z.ZodError, input?: unknown): FieldIssue[] {
  const dotted = (path: PropertyKey[]) => path.map(String).join('.') || '(root)';
  return error.issues.flatMap((i) =>
    // One issue per unknown key, at the key's own path, so a misspelt field is named where it is.
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: dotted([...i.path, k]), code: 'unknown_field', message: `Unknown field "${k}"` }))
      : [{ path: dotted(i.path), code: issueCode(i, input), message: i.message }],
  );
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function issueCode(i: z.core.$ZodIssue, input: unknown): string {
  switch (i.code) {
    case 'invalid_type':
      return (i.input ?? valueAt(input, i.path)) === undefined ? 'required' : 'invalid_type';
    case 'too_big':
      return 'too_long';
    case 'too_small':
      return i.origin === 'string' && i.minimum === 1 ? 'required' : 'too_short';
    case 'invalid_format':
      return 'invalid_format';
    case 'invalid_value':
      return 'invalid_value';
    default:
      return i.code;
  }
}

/**
 * A router for one feature. Request validation failures become 422 envelopes, and routes declared
 * with `createRoute` land in the OpenAPI document.
 */
export function createRouter<E extends Env = AppEnv>() {
  const router = new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(toFieldIssues(result.error as z.ZodError, (result as { data?: unknown }).data));
    },
  });
  // A cacheable read (behind `cachedRead`) takes only the query parameters it declares.
  const openapi = router.openapi.bind(router);
  router.openapi = ((route: RouteConfig, ...rest: unknown[]) => (openapi as (...a: unknown[]) => unknown)(strictCachedQuery(route), ...rest)) as typeof router.openapi;
  return router;
}

function strictCachedQuery(route: RouteConfig): RouteConfig {
  if (route.method !== 'get' || !(route.middleware as unknown[] | undefined)?.some?.(isCachedRead)) return route;
  const query = route.request?.query as unknown;
  const strict = query instanceof z.ZodObject ? query.strict() : query === undefined ? z.object({}).strict() : query;
  return { ...route, request: { ...route.request, query: strict as NonNullable<RouteConfig['request']>['query'] } };
}

/** Parses with a zod schema outside the request validators (CLI, import), throwing the same 422. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(toFieldIssues(r.error, value));
  return r.data;
}
