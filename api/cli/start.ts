/**
 * `npm start`: builds the widgets when stale, loads the configuration (generating a persistent
 * secret if none is set), migrates, seeds demo data and demo staff on the first run, and serves.
 * `--watch-widgets` (used by `npm run dev`) also runs rollup in watch mode.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { findStaffByEmail, insertStaff } from '../admin/staff.repository.js';
import { totpFor } from '../core/auth.js';
import { seedsOf, type Seed } from '../core/module.js';
import { MODULES } from '../modules.js';
import { runSeeds } from '../seed.js';
import { startServer } from '../server.js';
import { ensureBuild } from './build.js';
import { CliError, cliConfig, generatePassword, runCli } from './common.js';

const ROOT = resolve(import.meta.dirname, '../..');

function watchWidgets(): ChildProcess {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'rollup'), ['-c', 'rollup.config.js', '--watch', '--no-watch.clearScreen'], { cwd: ROOT, stdio: 'inherit' });
  process.on('exit', () => child.kill('SIGTERM'));
  return child;
}

interface DemoLogin { role: string; email: string; password: string; totpSecret: string | null; otpauth: string | null }

export const DEMO_STAFF = [
  { role: 'moderator' as const, email: 'moderator@example.org', name: 'Demo Moderator' },
  { role: 'admin' as const, email: 'admin@example.org', name: 'Demo Admin' },
];

/** Creates the demo staff with fresh passwords; returns the logins so they can be shown once. */
async function seedDemoStaff(db: Kysely<Database>, out: DemoLogin[]) {
  for (const s of DEMO_STAFF) {
    if (await findStaffByEmail(db, s.email)) continue;
    const password = generatePassword();
    const { totpSecret } = await insertStaff(db, { ...s, password });
    out.push({ role: s.role, email: s.email, password, totpSecret, otpauth: totpSecret ? totpFor(s.email, totpSecret).toString() : null });
  }
}

function banner(base: string, logins: DemoLogin[], seeded: string[]): string {
  const lines = [
    '',
    'WiP NGO widgets is running',
    `  Demo pages:   ${base}/demo/`,
    `  API docs:     ${base}/docs`,
    `  Staff panel:  ${base}/demo/admin.html`,
  ];
  if (seeded.length) lines.push(`  Demo data seeded: ${seeded.join(', ')}`);
  if (logins.length) {
    lines.push('', '  Demo staff (shown only now; `npm run staff -- reset-password --email …` makes new ones):');
    for (const l of logins) {
      lines.push(`    ${l.role.padEnd(10)} ${l.email.padEnd(22)} password: ${l.password}`);
      if (l.totpSecret) lines.push(`    ${''.padEnd(10)} TOTP secret: ${l.totpSecret}`, `    ${''.padEnd(10)} ${l.otpauth}`);
    }
  }
  return lines.join('\n') + '\n';
}

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--watch-widgets');
  if (unknown.length) throw new CliError(`unknown option ${unknown.join(' ')} (only --watch-widgets)`, 2);

  ensureBuild();
  const config: Config = cliConfig({ createSecret: true });
  if (args.includes('--watch-widgets')) watchWidgets();

  const logins: DemoLogin[] = [];
  let seeded: string[] = [];
  // The demo staff's passwords are shown once, so this seed belongs to `npm start` rather than to a module.
  const demoStaff: Seed = { name: 'demo-staff', run: (db) => seedDemoStaff(db, logins) };

  const server = await startServer(config, {
    prepare: async (handle, log) => {
      if (!config.seedDemo) return;
      seeded = await runSeeds(handle.db, [...seedsOf(MODULES), demoStaff]);
      if (seeded.length) log.info('demo data seeded', { seeds: seeded });
    },
  });
  const base = process.env.PUBLIC_URL ? config.publicUrl : `http://localhost:${server.port}`;
  process.stdout.write(banner(base, logins, seeded.filter((s) => s !== 'demo-staff')));
}

runCli(main, { keepAlive: true });
