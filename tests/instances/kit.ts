/**
 * The several-instances kit: real server processes (`scripts/instance.ts`) on one database, a
 * round-robin balancer over `node:http` in front of them, an HTTP client that can speak from any
 * 127.0.0.x address (so each simulated client has an address of its own, as the balancer sees it),
 * and a capturing SMTP server. Used by tests/instances and tests/durability.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { AltchaChallenge } from '../../common/abuse.js';
import { solve } from '../../api/core/abuse.testing.js';
import { captureSmtp } from '../../api/core/smtp.testing.js';
import { spawnServer, type ServerProcess } from '../../scripts/server-process.js';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = any>(): T;
}

export interface SendOptions {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The local address the request leaves from (127.0.0.0/8 on Linux): who the client is. */
  from?: string;
  timeoutMs?: number;
}

/** One HTTP request over `node:http`, from `from`. Rejects only when there is no answer at all. */
export function send(origin: string, path: string, options: SendOptions = {}): Promise<Answer> {
  const url = new URL(path, origin);
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (payload ? 'POST' : 'GET'),
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}), ...options.headers },
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path} within ${options.timeoutMs ?? 30_000} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

let clients = 0;
/** A client address of its own: 127.0.x.y, never 127.0.0.1. */
export const freshClient = () => {
  const n = ++clients + 256;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** The `abuse` fields of an anonymous write: a challenge fetched from `origin`, solved. */
export async function abuseFrom(origin: string, from?: string): Promise<{ altcha: string; website: string }> {
  const res = await send(origin, '/v1/challenge', { from });
  if (res.status !== 200) throw new Error(`GET /v1/challenge answered ${res.status}: ${res.text}`);
  return { altcha: await solve(res.json<AltchaChallenge>()), website: '' };
}

export interface Balancer {
  origin: string;
  /** How many requests each target got. */
  counts: number[];
  close(): Promise<void>;
}

/**
 * A round-robin reverse proxy: each request goes to the next target, with the address it came from
 * appended to `X-Forwarded-For` (as nginx's `$proxy_add_x_forwarded_for` does); a target that does
 * not answer is a 502.
 */
export async function startBalancer(targets: string[]): Promise<Balancer> {
  const counts = targets.map(() => 0);
  let next = 0;
  const server: Server = createServer((req, res) => {
    const i = next++ % targets.length;
    counts[i]!++;
    const target = new URL(req.url ?? '/', targets[i]);
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host, 'x-forwarded-for': forwarded }, agent: false }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    counts,
    close: () => new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
}

/** A PostgreSQL database of its own on the test server (`TEST_DATABASE_URL`), dropped at the end. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `inst_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface CapturedMail {
  to: string[];
  raw: string;
}

/** An SMTP server that keeps every message it is given. */
export async function startSmtp(): Promise<{ url: string; received: CapturedMail[]; close(): Promise<void> }> {
  const received: CapturedMail[] = [];
  const server = await captureSmtp((raw, to) => received.push({ to: to.map((a) => a.toLowerCase()), raw }));
  return { received, ...server };
}

/** The environment every test instance shares: one secret, trusted balancer, a cheap but real proof of work. */
export const instanceEnv = (databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  SECRET: 'several-instances-secret-0123456789abcdef',
  TRUST_PROXY: '1',
  POW_MAX_NUMBER: '50',
  MIN_FILL_MS: '0',
  SEED_DEMO: '0',
  LOG_LEVEL: 'warn',
  READ_RATE_LIMIT: '0',
  ...extra,
});

/** `n` instances on one database, started at once (their migrations take turns under the migrator's lock). */
export async function startInstances(n: number, env: Record<string, string>): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(Array.from({ length: n }, () => spawnServer(env, { script: 'instance', timeoutMs: 120_000 })));
  const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(ok.map((s) => s.stop()));
    throw (failed as PromiseRejectedResult).reason;
  }
  return ok;
}

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
