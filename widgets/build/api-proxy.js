// web-test-runner middleware: starts the real API (scripts/widget-test-api.ts: createApp on a
// migrated, seeded SQLite database) on first use and proxies `/v1/*` to it, so widget tests
// exercise real routes, validation and data.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

let child;
let ready;

function start() {
  child = spawn(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/widget-test-api.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.once('exit', () => child.kill('SIGTERM'));
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`widget test API did not start:\n${out}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/READY (\d+)/);
      if (m) {
        clearTimeout(timer);
        done(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.once('exit', (code) => fail(new Error(`widget test API exited with ${code}:\n${out}`)));
  });
}

/** Koa middleware for `middleware: [realApiProxy]`. */
export async function realApiProxy(ctx, next) {
  if (!ctx.path.startsWith('/v1/')) return next();
  const origin = await (ready ??= start());
  const chunks = [];
  for await (const c of ctx.req) chunks.push(c);
  const headers = { ...ctx.request.headers };
  delete headers.host;
  const res = await fetch(origin + ctx.url, { method: ctx.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, redirect: 'manual' });
  ctx.status = res.status;
  res.headers.forEach((v, k) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) ctx.set(k, v);
  });
  ctx.body = Buffer.from(await res.arrayBuffer());
}

/** Plugin that starts the API with the dev server (so it is warm when the first test runs) and stops it with it. */
export function stopRealApi() {
  return {
    name: 'ngo-real-api',
    serverStart: () => void (ready ??= start()).catch((err) => console.error(err)),
    serverStop: () => void child?.kill('SIGTERM'),
  };
}
