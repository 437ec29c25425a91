/**
 * Each route's body limit, as its schema implies (issue 8, item 9). The default limit (64 kB,
 * `BODY_LIMIT`) keeps every body small, but some inputs are long by nature: a consultation's
 * draft act may hold 400,000 characters, which no 64 kB body carries. So the limit of a route is
 * the size its own JSON body schema allows, when that is more than the default, and never more
 * than `MAX_BODY_BYTES`:
 * - a string of `maxLength` n takes at most 3n + 2 bytes (UTF-8 of a character of the BMP, or an
 *   escaped quote or backslash, is at most 3 bytes per UTF-16 unit; C0 controls are refused);
 * - arrays count `maxItems` items, objects their keys and values, a choice its largest option;
 * - a part without a bound (a string with no `maxLength`, a record) adds the default limit once,
 *   so a route with a long document and some unbounded small field still fits.
 * Routes whose bounded parts take less than the default keep the default: the limit is raised
 * only where the schema really asks for long text.
 */

/** The parts of a JSON schema this reads. */
export interface JsonSchemaLike {
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchemaLike[];
  oneOf?: JsonSchemaLike[];
  allOf?: JsonSchemaLike[];
  type?: string | string[];
  maxLength?: number;
  maxItems?: number;
  items?: JsonSchemaLike;
  properties?: Record<string, JsonSchemaLike>;
  additionalProperties?: boolean | JsonSchemaLike;
}
/** The parts of an OpenAPI document this reads. */
export interface OpenApiLike {
  paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchemaLike }> } } | undefined>>;
  components?: { schemas?: Record<string, JsonSchemaLike> };
}

/** The most any JSON body may take: 2 MiB. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const UNBOUNDED = Number.POSITIVE_INFINITY;

/** The largest JSON text (bytes) a schema accepts, or Infinity when a part of it has no bound. */
export function impliedBytes(doc: OpenApiLike, schema: JsonSchemaLike | undefined, depth = 0): number {
  const s = deref(doc, schema);
  if (!s || depth > 20) return UNBOUNDED;
  if ('const' in s) return JSON.stringify(s.const).length * 3;
  if (Array.isArray(s.enum)) return Math.max(...s.enum.map((v) => JSON.stringify(v).length * 3));
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return Math.max(...alt.map((x) => impliedBytes(doc, x, depth + 1)));
  if (s.allOf) return s.allOf.reduce((sum, x) => sum + impliedBytes(doc, x, depth + 1), 0);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return Math.max(...types.map((type) => bytesOfType(doc, s, type, depth)));
}

function bytesOfType(doc: OpenApiLike, s: JsonSchemaLike, type: unknown, depth: number): number {
  switch (type) {
    case 'null':
      return 4;
    case 'boolean':
      return 5;
    case 'number':
    case 'integer':
      return 24;
    case 'string':
      return typeof s.maxLength === 'number' ? 3 * s.maxLength + 2 : UNBOUNDED;
    case 'array':
      return typeof s.maxItems === 'number' ? 2 + s.maxItems * (impliedBytes(doc, s.items, depth + 1) + 1) : UNBOUNDED;
    case 'object': {
      if (s.additionalProperties) return UNBOUNDED;
      const props = Object.entries(s.properties ?? {});
      return 2 + props.reduce((sum, [key, v]) => sum + 3 * key.length + 4 + impliedBytes(doc, v, depth + 1), 0);
    }
    default:
      return UNBOUNDED;
  }
}

/**
 * The limit of a body: the default, unless the bounded parts of its schema alone take more; then
 * those, plus the default once for any unbounded part, at most `MAX_BODY_BYTES`.
 */
export function routeBodyLimit(doc: OpenApiLike, schema: JsonSchemaLike | undefined, fallback: number): number {
  const bounded = boundedBytes(doc, schema);
  if (bounded <= fallback) return fallback;
  return Math.min(MAX_BODY_BYTES, Number.isFinite(impliedBytes(doc, schema)) ? bounded : bounded + fallback);
}

/** The bytes of the bounded parts of a schema, leaving out every part without a bound. */
function boundedBytes(doc: OpenApiLike, schema: JsonSchemaLike | undefined, depth = 0): number {
  const s = deref(doc, schema);
  if (!s || depth > 20) return 0;
  const whole = impliedBytes(doc, s, depth);
  if (Number.isFinite(whole)) return whole;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return Math.max(...alt.map((x) => boundedBytes(doc, x, depth + 1)));
  if (s.allOf) return s.allOf.reduce((sum, x) => sum + boundedBytes(doc, x, depth + 1), 0);
  if (s.type === 'object' || s.properties) return 2 + Object.entries(s.properties ?? {}).reduce((sum, [key, v]) => sum + 3 * key.length + 4 + boundedBytes(doc, v, depth + 1), 0);
  if (s.type === 'array' && typeof s.maxItems === 'number') return 2 + s.maxItems * (boundedBytes(doc, s.items, depth + 1) + 1);
  return 0;
}

function deref(doc: OpenApiLike, s: JsonSchemaLike | undefined): JsonSchemaLike | undefined {
  let cur = s;
  for (let i = 0; cur?.$ref && i < 20; i++) cur = doc.components?.schemas?.[String(cur.$ref).split('/').pop()!];
  return cur;
}

/**
 * The body limit of each operation whose schema implies more than `fallback`, as a lookup by
 * method and concrete path (`POST /v1/admin/consultations`); undefined elsewhere.
 */
export function bodyLimits(doc: OpenApiLike, fallback: number): (method: string, path: string) => number | undefined {
  const raised: { method: string; re: RegExp; limit: number }[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops ?? {})) {
      const schema = op?.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const limit = routeBodyLimit(doc, schema, fallback);
      if (limit > fallback) raised.push({ method: method.toUpperCase(), re: new RegExp('^' + path.replace(/\{[^}]+\}/g, '[^/]+') + '/?$'), limit });
    }
  }
  return (method, path) => raised.find((r) => r.method === method && r.re.test(path))?.limit;
}
