import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStaff } from '../admin/staff.repository.js';
import { dialects, freshIp, json, testApp, type TestApp } from '../testing.js';

const PASSWORD = 'correct horse battery staple';

/** Every error answer: JSON, the one envelope, a request id, and nothing internal. */
async function expectEnvelope(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as any;
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String), requestId: expect.any(String) }) });
  expect(Object.keys(body.error).every((k) => ['code', 'message', 'details', 'requestId'].includes(k))).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts:\d+|SyntaxError|TypeError/);
  return body.error as { code: string; message: string; details?: any };
}

const raw = (body: BodyInit | null, contentType: string | null = 'application/json', method = 'POST'): RequestInit => ({
  method,
  headers: { 'x-forwarded-for': freshIp(), ...(contentType ? { 'content-type': contentType } : {}) },
  body,
});

describe.each(dialects)('bad input over HTTP on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
    await insertStaff(t.db, { email: 'mod@example.org', name: 'Moderator', role: 'moderator', password: PASSWORD });
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 malformed_json', async () => {
    for (const body of ['{"email":', '{email: "a"}', "{'a':1}", '[1,2', '\u0000', 'undefined']) {
      await expectEnvelope(await t.app.request('/v1/admin/session', raw(body)), 400, 'malformed_json');
    }
    // An empty body that claims to be JSON is malformed too.
    await expectEnvelope(await t.app.request('/v1/admin/session', raw(null)), 400, 'malformed_json');
  });

  it('answers wrong types with 422 and one issue per field', async () => {
    const err = await expectEnvelope(await t.app.request('/v1/admin/session', json({ email: 5, password: ['x'], otp: 123456 }, { 'x-forwarded-for': freshIp() })), 422, 'validation_failed');
    const byPath = Object.fromEntries(err.details.issues.map((i: any) => [i.path, i.code]));
    expect(byPath).toEqual({ email: 'invalid_type', password: 'invalid_type', otp: 'invalid_type' });
    for (const i of err.details.issues) expect(i.message).toEqual(expect.any(String));
  });

  it('tells a missing field from a wrong one', async () => {
    const err = await expectEnvelope(await t.app.request('/v1/admin/session', json({ password: 'x', otp: 'abc' }, { 'x-forwarded-for': freshIp() })), 422, 'validation_failed');
    expect(err.details.issues).toEqual([
      { path: 'email', code: 'required', message: expect.any(String) },
      { path: 'otp', code: 'invalid_format', message: expect.any(String) },
    ]);
  });

  it('answers JSON that is not an object with 422, never 500', async () => {
    for (const body of ['null', '[]', '"text"', '42', 'true', '['.repeat(3000) + ']'.repeat(3000), `{"email":${'['.repeat(3000)}${']'.repeat(3000)},"password":"x"}`]) {
      const err = await expectEnvelope(await t.app.request('/v1/admin/session', raw(body)), 422, 'validation_failed');
      expect(err.details.issues.length).toBeGreaterThan(0);
    }
  });

  it('answers an oversized body with 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(t.config.bodyLimit) });
    await expectEnvelope(await t.app.request('/v1/admin/session', raw(big)), 413, 'payload_too_large');
    // Chunked: no Content-Length, the size only shows while reading.
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"password":"'));
        if (sent > 64 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const req = new Request('http://localhost/v1/admin/session', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() }, body: stream, duplex: 'half' } as RequestInit);
    await expectEnvelope(await t.app.request(req), 413, 'payload_too_large');
    // It stopped reading soon after the limit rather than buffering the whole stream.
    expect(sent).toBeLessThan(t.config.bodyLimit * 4);
  });

  it('answers a write that is not JSON with 415', async () => {
    await expectEnvelope(await t.app.request('/v1/admin/session', raw('email=a%40b.pl&password=x', 'application/x-www-form-urlencoded')), 415, 'unsupported_media_type');
    await expectEnvelope(await t.app.request('/v1/admin/session', raw('{"email":"a@b.pl"}', 'text/plain')), 415, 'unsupported_media_type');
    const form = new FormData();
    form.set('email', 'a@b.pl');
    await expectEnvelope(await t.app.request('/v1/admin/session', { method: 'POST', body: form }), 415, 'unsupported_media_type');
    // A charset parameter is fine.
    const ok = await t.app.request('/v1/admin/session', raw(JSON.stringify({ email: 'mod@example.org', password: PASSWORD }), 'application/json; charset=utf-8'));
    expect(ok.status).toBe(200);
  });

  it('answers an unknown route with 404 not_found', async () => {
    for (const path of ['/v1/nothing-here', '/v1/challenge/extra', '/nope', '/v1/' + 'x'.repeat(5000), '/v1/%E0%A4%A']) {
      await expectEnvelope(await t.app.request(path), 404, 'not_found');
    }
  });

  it('answers a wrong method on a known route with 405 and Allow', async () => {
    const health = await t.app.request('/healthz', { method: 'DELETE' });
    expect(health.headers.get('allow')).toBe('GET');
    const err = await expectEnvelope(health, 405, 'method_not_allowed');
    expect(err.details).toEqual({ allow: ['GET'] });

    const challenge = await t.app.request('/v1/challenge', json({}));
    expect(challenge.headers.get('allow')).toBe('GET');
    await expectEnvelope(challenge, 405, 'method_not_allowed');

    // Signed in, so the staff routes' own checks pass and the method is what is wrong.
    const login = await t.app.request('/v1/admin/session', json({ email: 'mod@example.org', password: PASSWORD }, { 'x-forwarded-for': freshIp() }));
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as any;
    const put = await t.app.request('/v1/admin/session', json({}, { cookie, 'x-csrf-token': csrfToken }, 'PUT'));
    expect(put.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'POST']);
    await expectEnvelope(put, 405, 'method_not_allowed');
  });

  it('answers an upload the client aborts with 400 bad_request, not 500', async () => {
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) return controller.enqueue(new TextEncoder().encode('{"email":"mod@exa'));
        controller.error(new Error('aborted')); // the connection went away mid-body
      },
    });
    const req = new Request('http://localhost/v1/admin/session', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() }, body: stream, duplex: 'half' } as RequestInit);
    await expectEnvelope(await t.app.request(req), 400, 'bad_request');
  });

  it('keys rate limits on the hop the trusted proxy appended, not on the ones the client sent', async () => {
    // POST /v1/map/submissions allows 10 writes per client and hour; the client forges a new first hop each time.
    const proxySaw = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.request('/v1/map/submissions', json({ abuse: { altcha: 'junk' } }, { 'x-forwarded-for': `${freshIp()}, ${proxySaw}` }));
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('keeps answering normally after all that', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', reads: { saturated: false } });
  });
});
