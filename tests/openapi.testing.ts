import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';

/**
 * Helpers for suites that walk every operation of the OpenAPI document (the hostile-input test,
 * the fuzz suite, the authorization matrix): the operations, a plausible request for each, and the
 * check that an answer is well-formed.
 */

export type JsonSchema = Record<string, any>;
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
export interface Operation {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  tags?: string[];
}
export interface Op {
  method: string;
  /** The OpenAPI path, `/v1/map/organisations/{id}`. */
  path: string;
  op: Operation;
  /** The JSON body schema, when the operation takes one. */
  body?: JsonSchema;
}

interface Requester {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export async function openApiDoc(app: Requester): Promise<OpenApiDoc> {
  return (await (await app.request('/v1/openapi.json')).json()) as OpenApiDoc;
}

/** Every operation of the document, in document order. */
export function operations(doc: OpenApiDoc): Op[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op, body: op.requestBody?.content['application/json']?.schema })),
  );
}

export function deref(doc: OpenApiDoc, s: JsonSchema | undefined): JsonSchema | undefined {
  let cur = s;
  while (cur?.$ref) cur = doc.components?.schemas?.[String(cur.$ref).split('/').pop()!];
  return cur;
}

const nonNullType = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type);

/** A plausible value of a schema: every property filled, each string of its minimum length or more. */
export function sample(doc: OpenApiDoc, schema: JsonSchema | undefined, depth = 0): unknown {
  const s = deref(doc, schema);
  if (!s || depth > 12) return null;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum.find((v: unknown) => v !== null) ?? s.enum[0];
  const alt: JsonSchema[] | undefined = s.anyOf ?? s.oneOf;
  if (alt) return sample(doc, alt.find((x) => nonNullType(deref(doc, x) ?? {}) !== undefined && deref(doc, x)?.type !== 'null') ?? alt[0], depth + 1);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x: JsonSchema) => sample(doc, x, depth + 1)));
  switch (nonNullType(s)) {
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1;
    case 'boolean':
      return true;
    case 'array': {
      const n = Math.min(Math.max(s.minItems ?? 1, 1), s.maxItems ?? 1);
      return Array.from({ length: n }, () => sample(doc, s.items, depth + 1));
    }
    case 'object':
    case undefined: {
      if (!s.properties) return {};
      return Object.fromEntries(Object.entries<JsonSchema>(s.properties).map(([k, v]) => [k, sample(doc, v, depth + 1)]));
    }
    default:
      return null;
  }
}

function sampleString(s: JsonSchema): string {
  if (typeof s.example === 'string') return s.example;
  switch (s.format) {
    case 'email':
      return 'ala@example.org';
    case 'uri':
      return 'https://example.org/';
    case 'uuid':
      return randomUUID();
    case 'date':
      return '2027-03-01';
    case 'date-time':
      return '2027-03-01T10:00:00.000Z';
  }
  return 'a'.repeat(Math.max(s.minLength ?? 0, 3));
}

/** The paths (as key lists) of every string leaf of a value. */
export function stringLeaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
  return [];
}

/** A deep copy of `value` with the leaf at `path` replaced by `fn(leaf)`. */
export function withLeaf(value: unknown, path: (string | number)[], fn: (v: unknown) => unknown): unknown {
  if (path.length === 0) return fn(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withLeaf(v, rest, fn) : v));
  return { ...(value as Record<string, unknown>), [head!]: withLeaf((value as Record<string, unknown>)[head!], rest, fn) };
}

/** The concrete URL of an operation: path parameters filled by `param`, then the query. */
export function urlOf(op: Op, param: (name: string) => string, query: Record<string, string> = {}): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(param(name)));
  const q = new URLSearchParams(query).toString();
  return q ? `${path}?${q}` : path;
}

/** Asserts that an answer is no 5xx and that every error comes in the envelope. */
export async function expectWellFormed(res: Response, what: string): Promise<{ status: number; body: unknown }> {
  expect(res.status, `${what}: no 5xx`).toBeLessThan(500);
  const text = await res.text();
  if (res.status >= 400) {
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    expect(typeof body?.error?.code, `${what}: the error envelope (${text.slice(0, 200)})`).toBe('string');
    expect(typeof body.error.message, `${what}: the error envelope`).toBe('string');
    return { status: res.status, body };
  }
  return { status: res.status, body: text };
}
