/**
 * What the page-weight and peer sections share: a host origin of the bench's own (host pages plus
 * the peers' bundles, compressed the way our server compresses its widgets), and one measured page
 * load in headless Chromium. A load records every request through the DevTools protocol (bytes on
 * the wire, split by kind), the longest main-thread task from a trace, and the time until the page
 * is interactive, optionally under 4× CPU throttling.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { pickEncoding } from '../api/core/static.js';

/** Ports of the bench's servers: `BENCH_PORT` and the next few, or free ones when it is not set. */
export function benchPort(offset: number): number {
  const base = Number(process.env.BENCH_PORT ?? 0);
  return base ? base + offset : 0;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8' };

/** A file the host serves: its body and content type (by the path's extension). */
export type HostFiles = Record<string, string | Buffer>;

export interface Host { origin: string; files: HostFiles; close(): Promise<void> }

/** Serves `files` by path from 127.0.0.1 (another origin than the API's `localhost`), Brotli or gzip as accepted. */
export async function startHost(port = 0): Promise<Host> {
  const files: HostFiles = {};
  const compressed = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = files[path];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const headers: Record<string, string> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store', vary: 'Accept-Encoding' };
    const encoding = pickEncoding(req.headers['accept-encoding'], path, raw.length);
    let out = raw;
    if (encoding) {
      const key = `${encoding}:${path}:${raw.length}`;
      out = compressed.get(key) ?? (encoding === 'br' ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(raw, { level: 9 }));
      compressed.set(key, out);
      headers['content-encoding'] = encoding;
    }
    res.writeHead(200, { ...headers, 'content-length': String(out.length) }).end(out);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    files,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type Kind = 'js' | 'dict' | 'css' | 'json' | 'font' | 'tiles' | 'html' | 'other';

export interface Fetched { url: string; kind: Kind; status: number; /** Body bytes as they came over the wire (compressed when served so). */ body: number; /** Body plus response headers. */ wire: number; encoding: string }

export interface PageLoad {
  requests: Fetched[];
  /** ms from navigation start until `ready` first held (polled every animation frame). */
  readyMs: number;
  /** ms from navigation start until the page is ready and its network has been quiet (see `measureLoad`). */
  interactiveMs: number;
  /** The longest task on the renderer's main thread, from navigation to interactive. */
  longestTaskMs: number;
  /** Tasks over 50 ms, and their total time. */
  longTasks: number;
  longTaskTotalMs: number;
}

/** What counts as which kind: our dictionaries are JS chunks named `*.i18n.*` or `<lang>-<hash>.js`. */
function kindOf(url: string, resourceType: string, mime: string, tileOrigin?: string): Kind {
  if (tileOrigin && url.startsWith(tileOrigin)) return 'tiles';
  if (resourceType === 'Document') return 'html';
  if (resourceType === 'Font' || /^font\//.test(mime)) return 'font';
  if (resourceType === 'Stylesheet' || mime === 'text/css') return 'css';
  if (resourceType === 'Script' || /javascript/.test(mime)) return /\.i18n[.-]|\/(pl|en|uk)-[\w-]+\.js/.test(url) ? 'dict' : 'js';
  if (/json/.test(mime)) return 'json';
  return 'other';
}

export interface LoadOptions {
  /** A JS expression, true once the page shows what it is for (controls with data). */
  ready: string;
  /** CPU slowdown through `Emulation.setCPUThrottlingRate` (4 ≈ a mid-range phone). */
  cpuThrottle?: number;
  /** After the first quiet network, scroll this selector into view and wait for `ready` (a widget loaded on scroll). */
  scrollTo?: string;
  tileOrigin?: string;
  timeoutMs?: number;
  /**
   * Pages the browser gets without asking the network: URL → HTML. A host page on the widget
   * server's own origin (the staff panel works only there) without a page of ours on that server.
   */
  pages?: Record<string, string>;
  /** Cookies the fresh context starts with (a staff session made beforehand). */
  cookies?: { name: string; value: string; url: string }[];
}

const QUIET_MS = 300;

/** Loads `url` in a fresh context (cold cache) and measures it. `requests` before the scroll are in `beforeScroll`. */
export async function measureLoad(browser: Browser, url: string, opts: LoadOptions): Promise<PageLoad & { beforeScroll?: Fetched[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL' });
  if (opts.cookies?.length) await context.addCookies(opts.cookies);
  const page = await context.newPage();
  const errors: string[] = [];
  let tracing: Browser | null = null;
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    for (const [at, body] of Object.entries(opts.pages ?? {})) await page.route(at, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (opts.cpuThrottle && opts.cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpuThrottle });
    const pending = new Map<string, { url: string; type: string; mime: string; status: number; headerBytes: number; encoding: string }>();
    const done: Fetched[] = [];
    let inFlight = 0;
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.url.startsWith('data:')) return;
      if (!pending.has(e.requestId)) inFlight++;
      pending.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', mime: '', status: 0, headerBytes: 0, encoding: '' });
      lastActivity = Date.now();
    });
    cdp.on('Network.responseReceived', (e) => {
      const p = pending.get(e.requestId);
      if (!p) return;
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      Object.assign(p, { mime: e.response.mimeType, status: e.response.status, headerBytes: e.response.encodedDataLength ?? 0, encoding: h['content-encoding'] ?? '', type: e.type ?? p.type });
    });
    const finish = (id: string, wire: number) => {
      const p = pending.get(id);
      if (!p) return;
      pending.delete(id);
      inFlight--;
      lastActivity = Date.now();
      done.push({ url: p.url, kind: kindOf(p.url, p.type, p.mime, opts.tileOrigin), status: p.status, body: Math.max(0, wire - p.headerBytes), wire, encoding: p.encoding });
    };
    cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.encodedDataLength));
    cdp.on('Network.loadingFailed', (e) => finish(e.requestId, 0));

    const quiet = async (deadline: number) => {
      while (inFlight > 0 || Date.now() - lastActivity < QUIET_MS) {
        if (Date.now() > deadline) throw new Error(`network never went quiet on ${url} (${[...pending.values()].map((p) => p.url).join(', ')})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const timeout = opts.timeoutMs ?? 60_000;
    const browser_ = context.browser()!;
    await browser_.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel'] });
    tracing = browser_;
    await page.goto(url, { waitUntil: 'load', timeout });
    let beforeScroll: Fetched[] | undefined;
    if (opts.scrollTo) {
      await quiet(Date.now() + timeout);
      beforeScroll = [...done];
      await page.locator(opts.scrollTo).scrollIntoViewIfNeeded();
    }
    const readyHandle = await page.waitForFunction(`(${opts.ready}) ? performance.now() : false`, undefined, { timeout }).catch((err: Error) => {
      throw new Error(`${url} never became ready (${opts.ready}): ${err.message}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
    });
    await quiet(Date.now() + timeout);
    // Interactive: the widget is ready and the last response it waited for has arrived.
    const readyMs = (await readyHandle.jsonValue()) as number;
    const interactiveMs = Math.max(readyMs, (await page.evaluate(`Math.max(0, ...performance.getEntriesByType('resource').map((e) => e.responseEnd))`)) as number);
    tracing = null;
    const trace = JSON.parse((await browser_.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    if (errors.length) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
    return { requests: done, readyMs: Math.round(readyMs), interactiveMs: Math.round(interactiveMs), ...mainThreadTasks(trace.traceEvents), beforeScroll };
  } finally {
    // A load that failed half-way must not leave the browser recording (the next load could not start one).
    if (tracing) await tracing.stopTracing().catch(() => {});
    await context.close();
  }
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; dur?: number; ts: number; args?: { name?: string } }

/** The renderer main threads' top-level tasks (`RunTask`): the longest, and those over 50 ms. */
export function mainThreadTasks(events: TraceEvent[]): { longestTaskMs: number; longTasks: number; longTaskTotalMs: number } {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`)).map((e) => (e.dur ?? 0) / 1000);
  const long = tasks.filter((d) => d > 50);
  return { longestTaskMs: Math.round(Math.max(0, ...tasks)), longTasks: long.length, longTaskTotalMs: Math.round(long.reduce((a, b) => a + b, 0)) };
}

/** Sums body bytes by kind. */
export function byKind(requests: Fetched[]): Record<Kind, number> {
  const out: Record<Kind, number> = { js: 0, dict: 0, css: 0, json: 0, font: 0, tiles: 0, html: 0, other: 0 };
  for (const r of requests) out[r.kind] += r.body;
  return out;
}

export const kB = (bytes: number) => Math.round(bytes / 10) / 100;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
