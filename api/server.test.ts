import { describe, expect, it } from 'vitest';
import { testConfig } from './config.js';
import { createLogger } from './core/log.js';
import { startServer } from './server.js';

const quiet = createLogger('silent');

describe('startServer', () => {
  it('serves, then drains an in-flight request on close and refuses new connections', async () => {
    const server = await startServer(testConfig({ port: 0, host: '127.0.0.1', databaseUrl: ':memory:' }), { log: quiet, handleSignals: false, workers: false });
    // Registered before the first request, so the router still picks it up.
    server.app.get('/__slow', async (c) => {
      await new Promise((r) => setTimeout(r, 300));
      return c.text('done');
    });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const slow = fetch(`${server.url}/__slow`).then(async (r) => [r.status, await r.text()]);
    await new Promise((r) => setTimeout(r, 50));
    const closed = server.close('test');
    expect(await slow).toEqual([200, 'done']);
    await closed;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await server.close('again'); // idempotent
  });

  it('cuts requests that outlive the drain timeout', async () => {
    const server = await startServer(testConfig({ port: 0, host: '127.0.0.1', databaseUrl: ':memory:' }), { log: quiet, handleSignals: false, workers: false, drainTimeoutMs: 100 });
    server.app.get('/__hang', () => new Promise<Response>(() => {}));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const hung = fetch(`${server.url}/__hang`).then(() => 'answered', () => 'cut');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await server.close('test');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hung).toBe('cut');
  });

  it('reports a port in use instead of hanging', async () => {
    const first = await startServer(testConfig({ port: 0, host: '127.0.0.1', databaseUrl: ':memory:' }), { log: quiet, handleSignals: false, workers: false });
    try {
      await expect(startServer(testConfig({ port: first.port, host: '127.0.0.1', databaseUrl: ':memory:' }), { log: quiet, handleSignals: false, workers: false })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
