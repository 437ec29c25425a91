/**
 * Starts the real server (`tsx api/cli/start.ts`, exactly what `npm start` runs) as a child
 * process on a free port with a temporary SQLite database. Used by the e2e harness and the bench.
 * With `script: 'instance'` it runs `scripts/instance.ts` instead: the same server without the
 * widget build and the demo seeds, as the several-instances and durability tests start it.
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
  /** The child's process id. */
  pid: number;
  /** SIGTERM (graceful shutdown), SIGKILL after 10 s; removes the temporary directory. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash or a power cut would end it; resolves when the child is gone. Keeps the directory. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  /** Wait this long for `/healthz`. Default 60 s. */
  timeoutMs?: number;
  /** `start` (default): `npm start`'s `api/cli/start.ts`; `instance`: `scripts/instance.ts`. */
  script?: 'start' | 'instance';
}

/** Spawns the server and resolves once `/healthz` answers 200. `env` overrides the defaults below. */
export async function spawnServer(env: Record<string, string> = {}, options: number | SpawnOptions = {}): Promise<ServerProcess> {
  const { timeoutMs = 60_000, script = 'start' } = typeof options === 'number' ? { timeoutMs: options } : options;
  const entry = script === 'instance' ? join(ROOT, 'scripts', 'instance.ts') : join(ROOT, 'api', 'cli', 'start.ts');
  const dir = mkdtempSync(join(tmpdir(), 'ngo-server-'));
  const databaseFile = join(dir, 'ngo.db');
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const origin = `http://localhost:${port}`;
  let out = '';
  // The instance runs in this very child (tsx as a loader), so that kill() kills the server: tsx's
  // own CLI runs the script in a grandchild, which a SIGKILL of the CLI would leave serving.
  const args = script === 'instance' ? ['--import', 'tsx', entry] : [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), entry];
  const child = spawn(process.execPath, args, {
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
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
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
  return { origin, databaseFile, pid: child.pid!, output: () => out, stop, kill };
}
