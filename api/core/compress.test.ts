import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, testApp, type TestApp } from '../testing.js';

describe.each(dialects)('public JSON compression on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  const get = (path: string, acceptEncoding?: string) => t.app.request(path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends JSON of 1 kB and more as Brotli or gzip, as the client accepts, the same document as plain', async () => {
    const plain = await get('/v1/openapi.json');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);

    const br = await get('/v1/openapi.json', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBody.length);
    expect(brBody.length).toBeLessThan(text.length / 4);
    expect(brotliDecompressSync(brBody).toString()).toBe(text);

    const gz = await get('/v1/openapi.json', 'gzip;q=1, br;q=0');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);

    // A conditional GET still answers 304 with no body, whatever the encoding.
    const etag = br.headers.get('etag')!;
    expect(etag).toBe(plain.headers.get('etag'));
    expect((await t.app.request('/v1/openapi.json', { headers: { 'accept-encoding': 'br', 'if-none-match': etag } })).status).toBe(304);
  });

  it('leaves small bodies, errors and staff answers as they are', async () => {
    const small = await get('/v1/consultations', 'br, gzip');
    expect(small.status).toBe(200);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect((await small.text()).length).toBeLessThan(1024);
    const error = await get('/v1/events?nonsense=1', 'br, gzip');
    expect(error.status).toBe(422);
    expect(error.headers.get('content-encoding')).toBeNull();
    expect(((await error.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    const staff = await get('/v1/admin/session', 'br, gzip');
    expect(staff.headers.get('content-encoding')).toBeNull();
  });
});
