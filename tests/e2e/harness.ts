/**
 * End-to-end harness: the real server (`tsx api/cli/start.ts`, as `npm start` runs it) on a
 * temporary SQLite database, a second static server on another origin for host pages that embed
 * the widgets from the first, and headless Debian Chromium through playwright-core.
 *
 *   const stack = await startStack();
 *   const page = await stack.page();
 *   await page.goto(stack.url('/demo/'));
 *   …
 *   await stack.close();
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { insertStaff } from '../../api/admin/staff.repository.js';
import { ensureBuild } from '../../api/cli/build.js';
import { openDatabase } from '../../api/db/database.js';
import type { StaffRole } from '../../common/taxonomy.js';
import { spawnServer } from '../../scripts/server-process.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Pages on the second origin, by path: the HTML, or the HTML with response headers (a
 * `Content-Security-Policy`, say). `{{API}}` in either becomes the widget server's origin. Pages
 * may be added after the stack has started.
 */
export type HostPages = Record<string, string | { body: string; headers?: Record<string, string> }>;

export interface Stack {
  /** The widget server's origin, e.g. `http://localhost:41234`. */
  origin: string;
  /** The host-page server's origin: a different host and port (`http://127.0.0.1:…`). */
  hostOrigin: string;
  url(path: string): string;
  hostUrl(path: string): string;
  /** The SQLite file the server uses; tests may add rows (WAL mode allows it while serving). */
  databaseFile: string;
  /** Everything the server printed so far (JSON logs and the start-up banner). */
  output(): string;
  /** A new isolated browser context and page, recording console errors and uncaught exceptions. */
  page(): Promise<Page & { errors: string[] }>;
  addStaff(input: { email: string; password: string; role: StaffRole; name?: string; district?: number | null }): Promise<{ id: string; totpSecret: string | null }>;
  close(): Promise<void>;
}

export interface StackOptions {
  hostPages?: HostPages;
  env?: Record<string, string>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  ensureBuild();
  // The read gate sheds load when the event loop lags more than a second; on this shared machine a
  // busy moment of another process does that, and a refused GET /v1/challenge is a console error
  // that fails a journey. The gate has its own tests (api/core/reads.test.ts); here it waits.
  const server = await spawnServer({ READ_MAX_LAG_MS: '60000', ...options.env });
  const { origin, databaseFile } = server;

  // The second origin: 127.0.0.1 instead of localhost, and another port.
  const hostPages = options.hostPages ?? {};
  const host: Server = createServer((req, res) => {
    const entry = hostPages[new URL(req.url ?? '/', 'http://x').pathname];
    if (entry === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const { body, headers = {} } = typeof entry === 'string' ? { body: entry } : entry;
    const own = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replaceAll('{{API}}', origin)]));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...own }).end(body.replaceAll('{{API}}', origin));
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;

  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];

  return {
    origin,
    hostOrigin,
    databaseFile,
    url: (path) => origin + path,
    hostUrl: (path) => hostOrigin + path,
    output: server.output,
    async page() {
      browser ??= await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_ARGS });
      const context = await browser.newContext({ locale: 'pl-PL' });
      contexts.push(context);
      const page = (await context.newPage()) as Page & { errors: string[] };
      page.errors = [];
      page.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error') page.errors.push(`console: ${m.text()} (${m.location().url})`);
      });
      page.on('pageerror', (e) => page.errors.push(`uncaught: ${e.message}`));
      return page;
    },
    async addStaff(input) {
      const handle = openDatabase(`sqlite:${databaseFile}`);
      try {
        return await insertStaff(handle.db, { name: input.email.split('@')[0]!, district: null, ...input });
      } finally {
        await handle.close();
      }
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser?.close().catch(() => {});
      await new Promise((r) => host.close(r));
      await server.stop();
    },
  };
}

/** The demo staff logins that `npm start` printed on its first run. */
export function demoLogins(output: string) {
  const find = (email: string) => {
    const m = output.match(new RegExp(`${email.replaceAll('.', '\\.')}\\s+password: (\\S+)`));
    if (!m) throw new Error(`no demo login for ${email} in the start-up output:\n${output}`);
    return m[1]!;
  };
  const totp = output.match(/TOTP secret: ([A-Z2-7]+)/)?.[1] ?? null;
  return {
    moderator: { email: 'moderator@example.org', password: find('moderator@example.org') },
    admin: { email: 'admin@example.org', password: find('admin@example.org'), totpSecret: totp },
  };
}

let axeSource: string | undefined;
const AXE_SOURCE = () => (axeSource ??= readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));

/** Runs axe-core in the page (WCAG 2.1 A and AA rules) and returns its violations, one line each. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, not as a <script>: the /embed pages' script CSP
  // (script-src 'self' and one hash) refuses an injected inline script, and rightly so.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE());
  const violations = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(context ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, include ?? null);
  return violations;
}
