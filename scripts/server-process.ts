/**
 * Starts the real server (`tsx api/cli/start.ts`, exactly what `npm start` runs) as a child
 * process on a free port with a temporary SQLite database. Used by the e2e harness and the bench.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });
}

export interface ServerProcess {
  /** `http://localhost:<port>` */
  origin: string;
  databaseFile: string;
  /** Everything the server printed so far (JSON logs and the start-up banner). */
  output(): string;
  /** SIGTERM (graceful shutdown), SIGKILL after 10 s; removes the temporary directory. */
  stop(): Promise<void>;
}

/** Spawns the server and resolves once `/healthz` answers 200. `env` overrides the defaults below. */
export async function spawnServer(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'ngo-server-'));
  const databaseFile = join(dir, 'ngo.db');
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const origin = `http://localhost:${port}`;
  let out = '';
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'api', 'cli', 'start.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATABASE_URL: `sqlite:${databaseFile}`,
      SECRET: 'local-test-secret-local-test-secret-0123',
      SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
      // One test client sends everything: the per-client read limit would count it as one abuser.
      READ_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with code ${child.exitCode} before answering /healthz:\n${out}`);
    }
    if (await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /healthz within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, databaseFile, output: () => out, stop };
}
