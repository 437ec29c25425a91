import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoop, type LoadRequest } from '../bench/load.js';
import { target } from '../bench/mixed.js';

/**
 * The mixed load's target column (bench/mixed.ts): a PASS must mean the bar was met by requests
 * that were answered. A run whose requests all failed has equal, tiny (refused) or equal, huge
 * (timed out) latencies, so its ratios say 1× and would pass; such rows must FAIL, naming the errors.
 */
const mix = (n: number): LoadRequest[] => Array.from({ length: n }, (_, i) => ({ cls: i % 2 ? 'map list, repeated URLs' : 'trivial GET /healthz', url: i % 2 ? '/v1/map/organisations' : '/healthz' }));

async function run(origin: string) {
  const { classes, all } = await openLoop(origin, mix(20), 200);
  const trivial = classes.find((c) => c.cls.startsWith('trivial'))!;
  const list = classes.find((c) => c.cls.startsWith('map list'))!;
  const speed = Math.round((trivial.p50 / Math.max(list.p50, 0.1)) * 100) / 100;
  return { trivial, list, all, speed };
}

describe('the mixed load verdict', () => {
  let server: Server;
  let origin = '';
  let status = 200;
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{}' : '{"error":{"code":"service_busy"}}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('passes answered requests within the bars', async () => {
    status = 200;
    const { trivial, list, all, speed } = await run(origin);
    expect(all.errors).toBe(0);
    expect(target('SQLite', true, 1000, all, true, 0, trivial)).toMatch(/^(PASS|FAIL) p99 /);
    expect(target('SQLite', true, 1000, list, false, Math.max(speed, 0.5), trivial)).toMatch(/^PASS /);
  });

  it('fails every row when no request was answered (refused connections)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const dead = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const { trivial, list, all, speed } = await run(dead);
    expect(all.errors).toBe(20);
    expect(speed).toBeGreaterThanOrEqual(0.5); // what made it PASS before
    expect(target('SQLite', true, 1000, all, true, speed, trivial)).toBe('FAIL 20 of 20 errors (network×20)');
    expect(target('SQLite', true, 1000, list, false, speed, trivial)).toBe('FAIL 10 of 10 errors (network×10)');
  });

  it('fails a cacheable read whose trivial GET failed, and a class with refusals', async () => {
    status = 503;
    const { trivial, list, all } = await run(origin);
    expect(target('SQLite', true, 1000, all, true, 1, trivial)).toMatch(/^FAIL 20 of 20 errors \(503 service_busy×20\)$/);
    expect(target('SQLite', true, 500, list, false, 1, trivial)).toMatch(/^FAIL 10 of 10 errors/);
    expect(target('SQLite', true, 500, list, false, 1, { ...trivial, errors: 0 })).toMatch(/^FAIL 10 of 10/);
    expect(target('SQLite', true, 500, { ...list, errors: 0, why: '' }, false, 1, trivial)).toBe('FAIL 10 of 10 trivial GET errors (503 service_busy×10)');
    // No bar on this row: no verdict, errors or not.
    expect(target('PostgreSQL', true, 1000, all, true, 1, trivial)).toBe('-');
  });
});
