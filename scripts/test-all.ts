/**
 * `npm test`: type checking, the API tests (vitest), the widget tests (web-test-runner) and the
 * end-to-end tests, in that order. Every stage runs even when an earlier one fails, so the count
 * is complete. The last line is `N passed, N failed` (also in .test-results/summary.txt), and the
 * exit code is non-zero when anything failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, '.test-results');
const BIN = join(ROOT, 'node_modules', '.bin');

interface StageResult { name: string; passed: number; failed: number; note?: string; failures?: string[] }

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (err) => {
      console.error(`[test] could not run ${cmd}: ${err.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

const readJson = (file: string): any => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

/** A runner that exits non-zero without reporting a failed test still counts one failure. */
function settle(name: string, exit: number, passed: number, failed: number, note?: string): StageResult {
  if (exit !== 0 && failed === 0) return { name, passed, failed: 1, note: note ?? `exited with code ${exit} without reporting a failed test` };
  return { name, passed, failed, ...(note ? { note } : {}) };
}

function chromium(): string | null {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

const stages: { name: string; run: () => Promise<StageResult> }[] = [
  {
    name: 'typecheck',
    run: async () => {
      const exit = await run(join(BIN, 'tsc'), ['--noEmit', '-p', 'tsconfig.json']);
      return exit === 0 ? { name: 'typecheck', passed: 1, failed: 0 } : { name: 'typecheck', passed: 0, failed: 1, note: 'tsc reported errors' };
    },
  },
  {
    name: 'vitest',
    run: async () => {
      const out = join(RESULTS, 'vitest.json');
      rmSync(out, { force: true });
      const exit = await run(join(BIN, 'vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
      const r = readJson(out);
      // A file that fails to load has no failed test in it, yet must count.
      const files: any[] = r?.testResults ?? [];
      const brokenFiles = files.filter((f) => f.status === 'failed' && !f.assertionResults?.some((a: any) => a.status === 'failed'));
      const failures = files.flatMap((f) => {
        const name = String(f.name ?? '').replace(ROOT + '/', '');
        const failed = (f.assertionResults ?? []).filter((a: any) => a.status === 'failed');
        return failed.length ? failed.map((a: any) => `${name}: ${a.fullName ?? a.title}`) : f.status === 'failed' ? [`${name}: ${String(f.message ?? 'did not load').split('\n')[0]}`] : [];
      });
      return { ...settle('vitest', exit, r?.numPassedTests ?? 0, (r?.numFailedTests ?? 0) + brokenFiles.length), failures };
    },
  },
  {
    name: 'web-test-runner',
    run: async () => {
      if (!chromium()) return { name: 'web-test-runner', passed: 0, failed: 1, note: 'Chromium not found' };
      if (!existsSync(join(ROOT, 'web-test-runner.config.js'))) return { name: 'web-test-runner', passed: 0, failed: 1, note: 'web-test-runner.config.js is missing' };
      const out = join(RESULTS, 'wtr.json');
      rmSync(out, { force: true });
      const exit = await run(join(BIN, 'wtr'), [], { CHROME_PATH: chromium()! });
      const r = readJson(out);
      if (!r) return { name: 'web-test-runner', passed: 0, failed: 1, note: `no ${out} written (exit ${exit})` };
      return { ...settle('web-test-runner', exit, r.passed ?? 0, r.failed ?? 0), failures: r.failures ?? [] };
    },
  },
  {
    name: 'e2e',
    run: async () => {
      if (!chromium()) return { name: 'e2e', passed: 0, failed: 1, note: 'Chromium not found' };
      const dir = join(ROOT, 'tests', 'e2e');
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')).sort().map((f) => join('tests', 'e2e', f)) : [];
      if (!files.length) return { name: 'e2e', passed: 0, failed: 0, note: 'no tests/e2e/*.e2e.ts' };
      const tap = join(RESULTS, 'e2e.tap');
      rmSync(tap, { force: true });
      const exit = await run(join(BIN, 'tsx'), ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], { CHROME_PATH: chromium()! });
      const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
      const count = (key: string) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
      const failures = [...text.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((m) => m[1]);
      return { ...settle('e2e', exit, count('pass'), count('fail') + count('cancelled')), failures };
    },
  },
];

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (!chromium()) {
    console.error(`[test] Chromium not found at ${process.env.CHROME_PATH ?? '/usr/bin/chromium'}. Install it with \`apt-get install -y chromium\` or point CHROME_PATH at a Chrome/Chromium binary. Browser stages will count as failed.`);
  }
  const results: StageResult[] = [];
  for (const stage of stages) {
    console.log(`\n━━━ ${stage.name} ━━━`);
    const started = Date.now();
    const r = await stage.run();
    results.push(r);
    console.log(`━━━ ${stage.name}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log('\nSummary:');
  for (const r of results) console.log(`  ${r.name.padEnd(16)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(5)} failed${r.note ? `  ${r.note}` : ''}`);
  // The names of what failed sit just above the last line, where a truncated CI log still shows them.
  const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `${r.name}: ${f}`));
  if (failures.length) {
    console.log('\nFailed:');
    for (const f of failures.slice(0, 30)) console.log(`  ${f.slice(0, 300)}`);
  }
  const line = `${passed} passed, ${failed} failed`;
  writeFileSync(join(RESULTS, 'summary.txt'), line + '\n');
  console.log(line);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'summary.txt'), '0 passed, 1 failed\n');
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
