import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import * as OTPAuth from 'otpauth';
import { CSRF_HEADER } from '../../common/admin.js';
import type { StaffRole } from '../../common/taxonomy.js';
import type { Database } from '../db/schema.js';
import type { AppEnv } from './context.js';
import { ApiError } from './errors.js';
import { addMs, newId, nowIso, randomToken, sha256 } from './ids.js';
import { isUnsafe } from './http.js';

export interface StaffPrincipal {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** District scope; `null` means the whole city. */
  district: number | null;
  sessionId: string;
  csrfToken: string;
}

export const COOKIE = 'ngo_session';
export const SECURE_COOKIE = '__Host-ngo_session';
/** The known-browser cookie (see `issueDeviceCookie`). */
export const DEVICE_COOKIE = 'ngo_device';
export const SECURE_DEVICE_COOKIE = '__Host-ngo_device';

/** Secure cookies when the public URL is https, or a trusted proxy says the request came over https. */
export function isSecureRequest(c: Context<AppEnv>): boolean {
  const { config } = c.var;
  if (config.publicUrl.startsWith('https://')) return true;
  return config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

/**
 * Reads a cookie by its plain name over HTTP and only by its `__Host-` name behind HTTPS: there a
 * plain-named cookie may have been planted by a sibling subdomain or over plain HTTP.
 */
function readCookie(c: Context<AppEnv>, plain: string, secureName: string): string | undefined {
  return isSecureRequest(c) ? getCookie(c, secureName) : getCookie(c, plain);
}

export async function createSession(c: Context<AppEnv>, staffId: string): Promise<{ csrfToken: string; expiresAt: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = new Date();
  const expiresAt = addMs(now, c.var.config.sessionTtlHours * 3600_000);
  await c.var.db.insertInto('staff_session').values({ id: sha256(token), staff_id: staffId, csrf_token: csrfToken, created_at: nowIso(now), expires_at: expiresAt }).execute();
  const secure = isSecureRequest(c);
  setCookie(c, secure ? SECURE_COOKIE : COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: c.var.config.sessionTtlHours * 3600,
  });
  return { csrfToken, expiresAt };
}

export async function destroySession(c: Context<AppEnv>, sessionId: string) {
  await c.var.db.deleteFrom('staff_session').where('id', '=', sessionId).execute();
  const secure = isSecureRequest(c);
  deleteCookie(c, secure ? SECURE_COOKIE : COOKIE, { path: '/', secure });
}

async function loadPrincipal(db: Kysely<Database>, token: string): Promise<StaffPrincipal | null> {
  const row = await db
    .selectFrom('staff_session as s')
    .innerJoin('staff_user as u', 'u.id', 's.staff_id')
    .select(['s.id as sessionId', 's.csrf_token', 's.expires_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.district', 'u.disabled'])
    .where('s.id', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= nowIso()) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, district: row.district, sessionId: row.sessionId, csrfToken: row.csrf_token };
}

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Requires a signed-in staff member. Unsafe methods also need the CSRF token in `X-CSRF-Token`
 * and, when the browser sends one, an `Origin` equal to the server's own.
 */
export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = readCookie(c, COOKIE, SECURE_COOKIE);
  const staff = token ? await loadPrincipal(c.var.db, token) : null;
  if (!staff) throw new ApiError(401, 'unauthorized', 'Sign in first');
  if (isUnsafe(c.req.method)) {
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin && origin !== c.var.config.publicUrl) throw new ApiError(403, 'csrf_failed', 'Cross-site request refused');
    const sent = c.req.header(CSRF_HEADER) ?? '';
    if (!safeEqual(sent, staff.csrfToken)) throw new ApiError(403, 'csrf_failed', 'Missing or wrong CSRF token');
  }
  c.set('staff', staff);
  await next();
};

/** Writes one audit entry. */
export async function audit(c: Context<AppEnv>, action: string, subject: string | null, details?: unknown) {
  await c.var.db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      staff_id: c.var.staff?.id ?? null,
      action,
      subject,
      details: details === undefined ? null : JSON.stringify(details),
      ip_hash: c.var.ipHash,
      request_id: c.var.requestId,
    })
    .execute();
}

/** Audits every successful unsafe staff request, so no action escapes the log. */
export const auditWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (isUnsafe(c.req.method) && c.res.status < 400 && c.var.staff) {
    const params = c.req.param();
    // A write with no id in its path (a create) keeps the id it answered with, so the log can name the item.
    const itemId = Object.keys(params).length ? undefined : await answeredId(c.res);
    await audit(c, `${c.req.method} ${c.req.routePath}`, c.req.path, { ...params, ...(itemId ? { itemId } : {}), ...c.var.auditDetails });
  }
};

/** The `id` of a JSON answer, or of the one object it wraps (`{ staff: { id } }`). */
async function answeredId(res: Response): Promise<string | undefined> {
  if (!res.headers.get('content-type')?.includes('application/json')) return undefined;
  const body: unknown = await res.clone().json().catch(() => null);
  if (!body || typeof body !== 'object') return undefined;
  const idOf = (v: unknown) => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined);
  return idOf(body) ?? Object.values(body).map(idOf).find((id) => id !== undefined);
}

/** How long a browser stays known after its last successful sign-in. */
const DEVICE_TTL_MS = 180 * 24 * 3600_000;

const deviceMac = (secret: string, staffId: string, issued: string, nonce: string, passwordHash: string) =>
  createHmac('sha256', secret).update(`ngo-device|${staffId}|${issued}|${nonce}|${passwordHash}`).digest('base64url');

/**
 * After a successful sign-in the browser gets a signed "known device" cookie bound to the account
 * (and to its current password hash, so a password reset forgets every browser). A known browser
 * is throttled on a budget of its own instead of the account's, so an attacker who hammers the
 * account does not lock its owner out. Stateless: `<staffId>.<issued ms>.<nonce>.<HMAC>`.
 */
export function issueDeviceCookie(c: Context<AppEnv>, user: { id: string; password_hash: string }, now = Date.now()) {
  const issued = String(now);
  const nonce = randomBytes(16).toString('base64url');
  const value = [user.id, issued, nonce, deviceMac(c.var.config.secret, user.id, issued, nonce, user.password_hash)].join('.');
  const secure = isSecureRequest(c);
  setCookie(c, secure ? SECURE_DEVICE_COOKIE : DEVICE_COOKIE, value, { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: DEVICE_TTL_MS / 1000 });
}

/** The id of this browser when it carries a valid device cookie for `user`, else null. */
export function knownDevice(c: Context<AppEnv>, user: { id: string; password_hash: string }, now = Date.now()): string | null {
  const value = readCookie(c, DEVICE_COOKIE, SECURE_DEVICE_COOKIE);
  const [staffId, issued, nonce, mac, ...rest] = value?.split('.') ?? [];
  if (!staffId || !issued || !nonce || !mac || rest.length || staffId !== user.id) return null;
  const age = now - Number(issued);
  if (!(age >= 0 && age < DEVICE_TTL_MS)) return null;
  return safeEqual(mac, deviceMac(c.var.config.secret, staffId, issued, nonce, user.password_hash)) ? nonce : null;
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpFor(email: string, secret: string) {
  return new OTPAuth.TOTP({ issuer: 'WiP NGO', label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

const TOTP_PERIOD_MS = 30_000;

/** RFC 6238 check with one step of clock drift either way; the time step the code belongs to, or null. */
export function totpStep(email: string, secret: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(email, secret).validate({ token: code.replace(/\s/g, ''), timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / TOTP_PERIOD_MS) + delta;
}

/**
 * Accepts a code's time step once: true only when it is newer than the last accepted step, which it
 * then becomes. One conditional UPDATE, so two instances cannot both accept the same code.
 */
export async function acceptTotpStep(db: Kysely<Database>, staffId: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('staff_user')
    .set({ totp_last_step: step })
    .where('id', '=', staffId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
