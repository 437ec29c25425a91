import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { ACCESS_MATRIX } from '../access.matrix.js';
import { testApp } from '../testing.js';
import { contractDocument, ErrorResponses, jsonContent, jsonRequest, operationIdFor, routeKeys, SECURITY_SCHEMES, type ContractDocument } from './openapi.js';
import { createRouter } from './validation.js';

type Doc = ContractDocument & { components: { securitySchemes: Record<string, unknown> } };
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const ops = (doc: ContractDocument) =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, method, path, op })));

describe('the OpenAPI document as a contract (contractDocument, api/core/openapi.ts)', () => {
  it('names, tags, describes and secures every operation, and documents its errors with the envelope', async () => {
    const t = await testApp('sqlite');
    try {
      const doc = (await (await t.app.request('/v1/openapi.json')).json()) as Doc;
      expect(doc.components.securitySchemes).toEqual(SECURITY_SCHEMES);
      expect(doc.info.description).toContain('POST /v1/admin/session');
      const all = ops(doc);
      expect(all.length).toBeGreaterThan(50);
      const problems: string[] = [];
      const ids = new Map<string, string>();
      for (const { name, method, path, op } of all) {
        const complain = (what: string) => problems.push(`${name}: ${what}`);
        if (!op.operationId) complain('no operationId');
        else if (ids.has(op.operationId)) complain(`operationId ${op.operationId} is also ${ids.get(op.operationId)}`);
        else ids.set(op.operationId, name);
        if (!op.tags?.length) complain('no tags');
        if (!op.summary || !op.description) complain('no summary or description');
        // Under /v1/admin only signing in is callable without a session (its row in the authorization matrix says so).
        const anonymous = path.startsWith('/v1/admin') ? (ACCESS_MATRIX[name]?.anonymous ?? false) : true;
        const expected = anonymous ? [] : [WRITES.has(method) ? { cookieAuth: [], csrfHeader: [] } : { cookieAuth: [] }];
        if (JSON.stringify(op.security) !== JSON.stringify(expected)) complain(`security ${JSON.stringify(op.security)}, expected ${JSON.stringify(expected)} (the session cookie on staff routes, and the CSRF header on their writes)`);
        const codes = Object.keys(op.responses ?? {});
        for (const code of ['400', '404', '422', '429', '500', ...(anonymous ? [] : ['401', '403'])]) if (!codes.includes(code)) complain(`no ${code} answer`);
        for (const [code, r] of Object.entries(op.responses ?? {})) {
          if (/^[45]/.test(code) && r.content?.['application/json']?.schema?.['$ref'] !== '#/components/schemas/Error') complain(`the ${code} answer is not the error envelope (#/components/schemas/Error)`);
        }
      }
      expect(problems, 'Fix these in the route (createRoute) or in contractDocument; see docs/modules.md, "OpenAPI"').toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('completes a route that declares nothing but its summary and an empty 409, and keeps what a route says', () => {
    const router = createRouter();
    const bare = createRoute({ method: 'post', path: '/things/{id}/close', tags: ['things (staff)'], summary: 'Close a thing', request: { params: z.object({ id: z.string() }) }, responses: { 204: { description: 'Closed' }, 409: { description: 'Already closed', content: { 'application/json': { schema: z.object({}) } } } } });
    const own = createRoute({ method: 'get', path: '/things', operationId: 'listThings', summary: 'Things', description: 'All things.', responses: { 200: jsonContent(z.array(z.string()), 'Things'), ...ErrorResponses } });
    router.openapi(bare, (c) => c.body(null, 204));
    router.openapi(own, (c) => c.json([], 200));
    const signIn = createRouter();
    signIn.openapi(createRoute({ method: 'post', path: '/session', summary: 'Sign in', responses: { 200: { description: 'Signed in' } } }), (c) => c.json({}, 200));
    const app = createRouter();
    app.route('/v1/admin', signIn);
    app.route('/v1/admin', router);
    app.route('/v1/public', createRouter().route('/', router));
    const keys = new Set(routeKeys('/v1/admin', signIn));
    expect([...keys]).toEqual(['post /v1/admin/session']);
    const doc = contractDocument(app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } }), keys) as unknown as Doc;
    const close = doc.paths!['/v1/admin/things/{id}/close']!.post!;
    expect(close.operationId).toBe('postAdminThingsByIdClose');
    expect(close.security).toEqual([{ cookieAuth: [], csrfHeader: [] }]);
    expect(close.description).toMatch(/^Close a thing\. Staff only: .*csrfHeader/);
    expect(close.responses!['409']).toEqual({ description: 'Already closed', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    expect(Object.keys(close.responses!).sort()).toEqual(['204', '409', ...Object.keys(ErrorResponses)].sort());
    expect(close.responses!['403']!.description).toContain('csrf_failed');
    const list = doc.paths!['/v1/admin/things']!.get!;
    expect([list.operationId, list.description, list.security, list.tags]).toEqual(['listThings', 'All things.', [{ cookieAuth: [] }], ['staff']]);
    expect(doc.paths!['/v1/admin/session']!.post!.security).toEqual([]);
    expect(doc.paths!['/v1/public/things']!.get!.security).toEqual([]);
    expect(doc.paths!['/v1/public/things']!.get!.tags).toEqual(['public']);
    expect(doc.tags!.map((t) => t.name)).toEqual(['staff', 'things (staff)', 'public']);
  });

  it('declares a JSON body with jsonRequest: required by default, optional with { required: false }', async () => {
    const router = createRouter();
    const Note = z.object({ note: z.string().default('none') });
    const echo = (c: { req: { valid(t: 'json'): unknown }; json(v: unknown): Response }) => c.json(c.req.valid('json'));
    router.openapi(createRoute({ method: 'post', path: '/needs', request: jsonRequest(Note), responses: { 200: jsonContent(Note, 'The body') } }), echo as never);
    router.openapi(createRoute({ method: 'post', path: '/may', request: jsonRequest(Note, { required: false }), responses: { 200: jsonContent(Note, 'The body') } }), echo as never);
    const doc = router.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const schema = doc.paths!['/needs']!.post!.requestBody;
    expect(schema).toMatchObject({ required: true, content: { 'application/json': { schema: { type: 'object' } } } });
    expect(doc.paths!['/may']!.post!.requestBody).toEqual({ ...schema, required: false });
    const send = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"note":"hi"}' };
    expect(await (await router.request('/needs', send)).json()).toEqual({ note: 'hi' });
    expect(await (await router.request('/may', send)).json()).toEqual({ note: 'hi' });
    // Optional: a request without a body reaches the handler as `{}` (the schema's defaults not applied).
    const none = await router.request('/may', { method: 'POST' });
    expect([none.status, await none.json()]).toEqual([200, {}]);
  });

  it('has no JSON request body written by hand in a route file (one way: jsonRequest)', () => {
    const root = new URL('../', import.meta.url);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'core/openapi.ts');
    expect(files.length).toBeGreaterThan(50);
    const byHand = files.filter((f) => /body: \{ content: \{ 'application\/json'/.test(readFileSync(new URL(f, root), 'utf8')));
    expect(byHand).toEqual([]);
  });

  it('makes an operationId from the method and path', () => {
    expect(operationIdFor('GET', '/v1/admin/consultations/{id}/remarks.csv')).toBe('getAdminConsultationsByIdRemarksCsv');
    expect(operationIdFor('post', '/v1/map/organisations')).toBe('postMapOrganisations');
    expect(operationIdFor('put', '/v1/admin/consultations/remarks/{remarkId}/response')).toBe('putAdminConsultationsRemarksByRemarkIdResponse');
  });
});
