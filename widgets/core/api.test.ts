import { expect } from '@open-wc/testing';
import { ApiError, newIdempotencyKey, request } from './api.js';
import { json, stubFetch, type FetchStub } from './testing.js';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('request', () => {
  let stub: FetchStub | undefined;
  afterEach(() => {
    stub?.restore();
  });

  it('sends JSON without credentials to public routes and returns the parsed body', async () => {
    stub = stubFetch(() => json(201, { id: 'x1' }));
    const out = await request<{ id: string }>('https://api.example.org/', '/v1/things', { method: 'POST', body: { a: 1 }, idempotencyKey: 'abcdefgh12' });
    expect(out).to.deep.equal({ id: 'x1' });
    const call = stub.calls[0]!;
    expect(call.url).to.equal('https://api.example.org/v1/things');
    expect(call.method).to.equal('POST');
    expect(call.credentials).to.equal('omit');
    expect(call.body).to.deep.equal({ a: 1 });
    expect(call.headers['Content-Type']).to.equal('application/json');
    expect(call.headers['Idempotency-Key']).to.equal('abcdefgh12');
  });

  it('returns undefined for 204', async () => {
    stub = stubFetch(() => new Response(null, { status: 204 }));
    expect(await request('', '/v1/x', { method: 'DELETE', credentials: 'same-origin' })).to.equal(undefined);
    expect(stub.calls[0]!.credentials).to.equal('same-origin');
  });

  it('parses the error envelope into an ApiError', async () => {
    const issues = [{ path: 'email', code: 'invalid_format', message: 'Invalid e-mail' }];
    stub = stubFetch(() => json(422, { error: { code: 'validation_failed', message: 'Some fields are invalid', details: { issues } } }));
    const err = await rejection(request('', '/v1/x'));
    expect(err).to.be.instanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).to.equal(422);
    expect(e.code).to.equal('validation_failed');
    expect(e.message).to.equal('Some fields are invalid');
    expect(e.issues).to.deep.equal(issues);
    expect(e.retryAfter).to.equal(null);
  });

  it('reads retryAfter from the details, else from the Retry-After header', async () => {
    stub = stubFetch(() => json(429, { error: { code: 'rate_limited', message: 'Too many', details: { retryAfter: 120 } } }));
    expect(((await rejection(request('', '/v1/x'))) as ApiError).retryAfter).to.equal(120);
    stub.restore();
    stub = stubFetch(() => json(429, { error: { code: 'rate_limited', message: 'Too many' } }, { 'Retry-After': '30' }));
    const e = (await rejection(request('', '/v1/x'))) as ApiError;
    expect([e.code, e.retryAfter]).to.deep.equal(['rate_limited', 30]);
  });

  it('maps an error response without an envelope to a code from its status', async () => {
    stub = stubFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    const e = (await rejection(request('', '/v1/x'))) as ApiError;
    expect([e.status, e.code]).to.deep.equal([502, 'internal_error']);
  });

  it('turns a network failure into network_error', async () => {
    stub = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const e = (await rejection(request('', '/v1/x'))) as ApiError;
    expect([e.status, e.code]).to.deep.equal([0, 'network_error']);
  });

  it('really reaches a server: a missing route gives not_found', async () => {
    const e = (await rejection(request(location.origin, '/no-such-route-for-ngo-tests'))) as ApiError;
    expect([e.status, e.code]).to.deep.equal([404, 'not_found']);
  });

  it('rejects with the abort reason, not an ApiError, when aborted', async () => {
    const ctl = new AbortController();
    const p = request(location.origin, '/widgets/core/api.ts', { signal: ctl.signal });
    ctl.abort(new DOMException('stop', 'AbortError'));
    const err = await rejection(p);
    expect(err).not.to.be.instanceOf(ApiError);
    expect((err as DOMException).name).to.equal('AbortError');
  });

  it('makes valid, distinct idempotency keys', () => {
    const a = newIdempotencyKey();
    expect(a).to.match(/^[A-Za-z0-9_-]{8,128}$/);
    expect(a).not.to.equal(newIdempotencyKey());
  });
});
