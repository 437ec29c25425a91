import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import type { StaffRole } from '../common/taxonomy.js';
import type { Config } from './config.js';
import { testConfig } from './config.js';
import { createApp } from './app.js';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DialectName, type OpenOptions } from './db/database.js';
import { createLogger } from './core/log.js';
import { createMailer, type Mailer } from './core/mail.js';
import type { ModuleManifest } from './core/module.js';
import { totpFor } from './core/auth.js';
import { insertStaff } from './admin/staff.repository.js';

/**
 * The dialects every repository and route suite runs against: SQLite always, PostgreSQL too
 * when `TEST_DATABASE_URL` is set. Use with `describe.each(dialects)`.
 */
export const dialects: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A freshly migrated database of the given dialect: in-memory SQLite, or a PostgreSQL schema of its own. */
export async function testDatabase(dialect: DialectName, options: Omit<OpenOptions, 'schema'> = {}): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') {
    const handle = openDatabase(':memory:');
    await migrateToLatest(handle.db);
    return handle;
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase(url, { poolSize: 5, ...options, schema });
  await migrateToLatest(handle.db, schema);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  handle: DatabaseHandle;
  db: DatabaseHandle['db'];
  config: Config;
  mailer: Mailer;
  close(): Promise<void>;
}

/**
 * A whole app on a fresh database. Requests go through `app.request()`, like real HTTP.
 * `modules` replaces the module list (default: every module).
 */
export async function testApp(dialect: DialectName, overrides: Partial<Config> = {}, options: { modules?: readonly ModuleManifest[] } = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const handle = await testDatabase(dialect, { readTimeoutMs: config.reads.timeoutSeconds * 1000, readQueueMs: config.reads.queueMs });
  const log = createLogger('silent');
  const mailer = createMailer(handle.db, config, log);
  const app = createApp({ db: handle.db, handle, config, log, mailer, modules: options.modules });
  return { app, handle, db: handle.db, config, mailer, close: () => handle.close() };
}

let ipCounter = 0;
/** A distinct client address per call, so rate limits in one test do not leak into another. */
export const freshIp = () => `10.${(++ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;

/** JSON request helper. */
export function json(body: unknown, headers: Record<string, string> = {}, method = 'POST'): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** The password of every staff member `staffSession` creates. */
export const STAFF_PASSWORD = 'correct horse battery staple';

export interface StaffSession {
  /** Send these with every staff request: the session cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
  id: string;
  email: string;
  /** The panel sections the sign-in answered with. */
  sections: string[];
}

let staffCounter = 0;

/**
 * A new staff member of `role` (and `district`), signed in through `POST /v1/admin/session`, as the
 * panel does (admins with their TOTP code). Pass `email` to sign in one created earlier.
 */
export async function staffSession(t: TestApp, role: StaffRole, options: { district?: number | null; email?: string } = {}): Promise<StaffSession> {
  const email = options.email ?? `${role}.${++staffCounter}.${randomBytes(3).toString('hex')}@staff.example.org`;
  const existing = await t.db.selectFrom('staff_user').select(['id', 'totp_secret']).where('email', '=', email).executeTakeFirst();
  const { id, totpSecret } = existing
    ? { id: existing.id, totpSecret: existing.totp_secret }
    : await insertStaff(t.db, { email, name: `Test ${role}`, role, district: options.district ?? null, password: STAFF_PASSWORD });
  const otp = totpSecret ? { otp: totpFor(email, totpSecret).generate() } : {};
  const res = await t.app.request('/v1/admin/session', json({ email, password: STAFF_PASSWORD, ...otp }, { 'x-forwarded-for': freshIp() }));
  expect(res.status, `sign-in of ${email}`).toBe(200);
  const body = (await res.json()) as { csrfToken: string; sections: string[] };
  return { headers: { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': body.csrfToken }, id, email, sections: body.sections };
}

/**
 * The secret link in the newest mail to `to`: the URL, the token (the value of `param`, or of the
 * one query parameter that holds a token) and the mail itself. Fails the test when there is none.
 */
export async function mailedLink(t: TestApp, to: string, param?: string): Promise<{ url: URL; token: string; mail: { subject: string; body_text: string; template: string; lang: string } }> {
  const mail = await t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to.toLowerCase()).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  expect(mail, `a mail to ${to}`).toBeDefined();
  for (const found of mail!.body_text.match(/https?:\/\/\S+/g) ?? []) {
    const url = new URL(found);
    const token = param ? url.searchParams.get(param) : [...url.searchParams.values()].find((v) => /^[\w-]{32,}$/.test(v));
    if (token) return { url, token, mail: mail! };
  }
  expect.fail(`no ${param ?? 'token'} link in the mail to ${to}: ${mail!.body_text}`);
}

/** Asserts an error response: the status, then the envelope with `code`. Returns the error. */
export async function expectError(res: Response, status: number, code: string): Promise<{ code: string; message: string; details?: Record<string, unknown> & { issues?: { path: string; code: string; message: string }[] } }> {
  const body = (await res.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } };
  expect({ status: res.status, code: body.error?.code }).toEqual({ status, code });
  expect(typeof body.error.message).toBe('string');
  return body.error;
}
