import type { OpenAPIHono } from '@hono/zod-openapi';
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
 * The JSON request body of `createRoute`: `request: jsonRequest(Input)`, or with other parts
 * `request: { params, ...jsonRequest(Input) }`. Required unless `{ required: false }`: then a
 * request without a body (no content type) passes as `{}`.
 */
export const jsonRequest = <T extends z.ZodType>(schema: T, { required = true }: { required?: boolean } = {}) => ({ body: { content: { 'application/json': { schema } }, required } });

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

/** The parts of an OpenAPI 3.1 document the contract below reads and completes. */
interface ContractOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
export interface ContractDocument {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, ContractOperation>>;
  components?: { securitySchemes?: Record<string, unknown>; schemas?: Record<string, unknown> } & Record<string, unknown>;
  tags?: { name: string; description?: string }[];
}

type GeneratedDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** Where the staff routes are mounted (`createStaffRouter`). */
export const STAFF_BASE = '/v1/admin';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const SAFE = new Set(['get', 'head', 'options']);
/** The security schemes a staff operation names: the session cookie, and on writes the CSRF header too. */
export const SECURITY_SCHEMES = {
  cookieAuth: {
    type: 'apiKey',
    in: 'cookie',
    name: 'ngo_session',
    description:
      'The staff session. `POST /v1/admin/session` with e-mail, password (and the TOTP code, for accounts with one) sets it as an HttpOnly, SameSite=Strict cookie: `__Host-ngo_session` over HTTPS, `ngo_session` on plain HTTP in development. It ends on `DELETE /v1/admin/session`, when it expires, or at once when the account is disabled.',
  },
  csrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      'Every staff write (POST, PUT, PATCH, DELETE) also sends the session\'s CSRF token in this header: `csrfToken` from the sign-in answer or from `GET /v1/admin/session`. A missing or wrong token, or a request from another origin, is a 403 `csrf_failed`.',
  },
} as const;

/** `GET /v1/admin/consultations/{id}/remarks.csv` → `getAdminConsultationsByIdRemarksCsv`: unique, since a method and path are. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/v1(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((seg) => (/^\{.+\}$/.test(seg) ? ['by', seg.slice(1, -1)] : seg.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

const errorRef = { $ref: '#/components/schemas/Error' };
/** Every error answer is the envelope (`errorResponse`), whatever schema a route wrote for it. */
const notEnvelope = (r: { content?: Record<string, { schema?: Record<string, unknown> }> }) => r.content?.['application/json']?.schema?.['$ref'] !== errorRef.$ref;

/**
 * Makes the generated document a contract, in one place for every module's routes (a route need
 * not repeat any of it): every staff operation (under `/v1/admin`, but for signing in) names the
 * `cookieAuth` scheme, and its writes `csrfHeader` too; every other operation says it needs none
 * (`security: []`); every operation has an `operationId` (its own, or one made from its method
 * and path), tags and a description; every error answer a route can give is documented with the
 * error envelope (`Error`), also where a route declared another schema (or an empty one) for it.
 * `signIn` lists the staff routes callable without a session, as `post /v1/admin/session`.
 */
export function contractDocument<D extends ContractDocument | GeneratedDocument>(generated: D, signIn: ReadonlySet<string>): D {
  // The generator's types (openapi3-ts) describe any document; this reads only the parts above.
  const doc = generated as ContractDocument;
  doc.components = { ...doc.components, securitySchemes: { ...doc.components?.securitySchemes, ...SECURITY_SCHEMES } };
  const tags = new Map((doc.tags ?? []).map((t) => [t.name, t]));
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const underStaff = path === STAFF_BASE || path.startsWith(`${STAFF_BASE}/`);
      const staff = underStaff && !signIn.has(`${method} ${path}`);
      op.operationId ??= operationIdFor(method, path);
      if (!op.tags?.length) op.tags = [underStaff ? 'staff' : path.split('/')[2] ?? 'api'];
      for (const t of op.tags) if (!tags.has(t)) tags.set(t, underStaff ? { name: t, description: 'Staff routes: they need a staff session (`cookieAuth`), and writes the CSRF header (`csrfHeader`).' } : { name: t });
      op.security ??= staff ? [SAFE.has(method) ? { cookieAuth: [] } : { cookieAuth: [], csrfHeader: [] }] : [];
      const responses = (op.responses ??= {});
      for (const [code, r] of Object.entries(ErrorResponses)) if (!responses[code]) responses[code] = { description: r.description, content: { 'application/json': { schema: errorRef } } };
      if (staff) {
        responses['401'] = { ...responses['401'], description: 'No staff session, or it has ended (`unauthorized`)', content: { 'application/json': { schema: errorRef } } };
        responses['403'] = {
          ...responses['403'],
          description: SAFE.has(method) ? 'The role or district scope does not reach it (`forbidden`)' : 'The role or district scope does not reach it (`forbidden`), or the CSRF token is missing or wrong (`csrf_failed`)',
          content: { 'application/json': { schema: errorRef } },
        };
      }
      for (const [code, r] of Object.entries(responses)) if (/^[45]\d\d$/.test(code) && notEnvelope(r)) r.content = { ...r.content, 'application/json': { schema: errorRef } };
      for (const p of (op as { parameters?: WireParameter[] }).parameters ?? []) wireParameter(p);
      if (!op.description) {
        const auth = staff ? (SAFE.has(method) ? 'Staff only: send the session cookie (`cookieAuth`).' : 'Staff only: send the session cookie (`cookieAuth`) and the CSRF token (`csrfHeader`).') : 'No sign-in needed.';
        op.description = `${op.summary ?? operationIdFor(method, path)}${/[.!?]$/.test(op.summary ?? '') ? '' : '.'} ${auth} Errors come in the error envelope (\`Error\`).`;
      }
    }
  }
  doc.tags = [...tags.values()];
  closeTuples(doc);
  return generated;
}

interface WireParameter {
  in?: string;
  style?: string;
  explode?: boolean;
  schema?: { type?: string; default?: unknown };
}

/**
 * A parameter as it travels. A query list (`district=3,12`) is an array sent comma-separated:
 * `style: form, explode: false`, which is how clients serialise it. A string parameter whose schema
 * was made from a transform (`bbox`) documents its default as the string a client would send.
 */
function wireParameter(p: WireParameter): void {
  if (p.in === 'query' && p.schema?.type === 'array') Object.assign(p, { style: 'form', explode: false });
  const d = p.schema?.default;
  if (p.schema?.type === 'string' && d !== undefined && typeof d !== 'string') p.schema.default = Array.isArray(d) ? d.join(',') : String(d);
}

/** A tuple (`prefixItems`) allows nothing after its items: `items: { not: {} }` (the schema form of `false`, which linters and generators expect beside `prefixItems`). */
function closeTuples(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(closeTuples);
  const o = node as Record<string, unknown>;
  if (Array.isArray(o.prefixItems) && !('items' in o)) o.items = { not: {} };
  for (const v of Object.values(o)) closeTuples(v);
}

/** `post /v1/admin/session` for each route of a router mounted at `base` (the modules' `signIn` routers). */
export function routeKeys(base: string, router: { openAPIRegistry: { definitions: readonly { type: string; route?: { method: string; path: string } }[] } }): string[] {
  return router.openAPIRegistry.definitions.flatMap((d) => (d.type === 'route' && d.route ? [`${d.route.method.toLowerCase()} ${(base + d.route.path).replace(/(.)\/$/, '$1')}`] : []));
}
