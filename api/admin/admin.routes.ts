import { createRoute, z } from '@hono/zod-openapi';
import { AuditEntry, CreateStaffInput, LoginInput, SessionInfo, StaffUser, UpdateStaffInput } from '../../common/admin.schema.js';
import { ErrorResponses } from '../core/openapi.js';
import { audit, createSession, destroySession, verifyTotp } from '../core/auth.js';
import { ApiError } from '../core/errors.js';
import { nowIso, sha256 } from '../core/ids.js';
import { DUMMY_HASH, verifyPassword } from '../core/passwords.js';
import { hit, peek, tooMany } from '../core/rate-limit.js';
import { sectionsFor } from '../core/module.js';
import { createRouter } from '../core/validation.js';
import { findStaff, findStaffByEmail, insertStaff, listStaff, toStaffDto, updateStaff } from './staff.repository.js';

/** Failed logins allowed per e-mail and per client, in a 15-minute window. */
const LOGIN_FAILS = { email: { limit: 5, windowSec: 900 }, ip: { limit: 20, windowSec: 900 } };

/** Signing in: the one staff route open without a session. Mounted at /v1/admin by the staff router. */
export const signInRoutes = createRouter();

signInRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/session',
    tags: ['staff'],
    summary: 'Sign in (staff). Admins also send a TOTP code.',
    request: { body: { content: { 'application/json': { schema: LoginInput } }, required: true } },
    responses: { 200: { description: 'Signed in; the session cookie is set', content: { 'application/json': { schema: SessionInfo } } }, ...ErrorResponses },
  }),
  async (c) => {
    const { email, password, otp } = c.req.valid('json');
    const { db } = c.var;
    const emailBucket = `login-fail:email:${sha256(email)}`;
    const ipBucket = `login-fail:ip:${c.var.ipHash}`;
    for (const [bucket, rule] of [[emailBucket, LOGIN_FAILS.email], [ipBucket, LOGIN_FAILS.ip]] as const) {
      const { count, resetSec } = await peek(db, bucket, rule);
      if (count >= rule.limit) throw tooMany(resetSec);
    }
    const user = await findStaffByEmail(db, email);
    // Unknown e-mails cost a hash too, and get the same answer as a wrong password.
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await hit(db, emailBucket, LOGIN_FAILS.email);
      await hit(db, ipBucket, LOGIN_FAILS.ip);
      throw new ApiError(401, 'invalid_credentials', 'Wrong e-mail or password');
    }
    if (user.totp_secret) {
      if (!otp) throw new ApiError(401, 'otp_required', 'Enter the code from your authenticator app');
      if (!verifyTotp(user.email, user.totp_secret, otp)) {
        await hit(db, emailBucket, LOGIN_FAILS.email);
        throw new ApiError(401, 'invalid_credentials', 'Wrong code');
      }
    }
    await db.updateTable('staff_user').set({ last_login_at: nowIso() }).where('id', '=', user.id).execute();
    const { csrfToken, expiresAt } = await createSession(c, user.id);
    c.set('staff', { id: user.id, email: user.email, name: user.name, role: user.role, district: user.district, sessionId: '', csrfToken });
    await audit(c, 'login', `staff:${user.id}`);
    return c.json({ staff: { id: user.id, email: user.email, name: user.name, role: user.role, district: user.district }, csrfToken, sections: sectionsFor(c.var.modules, user.role), expiresAt }, 200);
  },
);

/** The session of the signed-in staff member, whatever their role. Mounted at /v1/admin behind the staff guard. */
export const sessionRoutes = createRouter();

sessionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/session',
    tags: ['staff'],
    summary: 'The signed-in staff member, their panel sections and the CSRF token',
    responses: { 200: { description: 'Signed in', content: { 'application/json': { schema: SessionInfo } } }, ...ErrorResponses },
  }),
  (c) => {
    const s = c.var.staff!;
    c.header('Cache-Control', 'no-store');
    return c.json({ staff: { id: s.id, email: s.email, name: s.name, role: s.role, district: s.district }, csrfToken: s.csrfToken, sections: sectionsFor(c.var.modules, s.role) }, 200);
  },
);

sessionRoutes.openapi(
  createRoute({ method: 'delete', path: '/session', tags: ['staff'], summary: 'Sign out', responses: { 204: { description: 'Signed out' }, ...ErrorResponses } }),
  async (c) => {
    await destroySession(c, c.var.staff!.sessionId);
    return c.body(null, 204);
  },
);

/** The staff accounts section (admin). Mounted at /v1/admin/staff by the staff router. */
export const staffAccountRoutes = createRouter();
staffAccountRoutes.openapi(
  createRoute({ method: 'get', path: '/', tags: ['staff'], summary: 'List staff (admin)', responses: { 200: { description: 'Staff', content: { 'application/json': { schema: z.object({ items: z.array(StaffUser) }) } } }, ...ErrorResponses } }),
  async (c) => c.json({ items: (await listStaff(c.var.db)).map(toStaffDto) }, 200),
);
staffAccountRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['staff'],
    summary: 'Add a staff member (admin). An admin gets a TOTP secret, shown once.',
    request: { body: { content: { 'application/json': { schema: CreateStaffInput } }, required: true } },
    responses: { 201: { description: 'Created', content: { 'application/json': { schema: z.object({ staff: StaffUser, totpSecret: z.string().nullable() }) } } }, ...ErrorResponses },
  }),
  async (c) => {
    const { id, totpSecret } = await insertStaff(c.var.db, c.req.valid('json'));
    return c.json({ staff: toStaffDto((await findStaff(c.var.db, id))!), totpSecret }, 201);
  },
);
staffAccountRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    tags: ['staff'],
    summary: 'Change role, district or name, or disable (admin)',
    request: { params: z.object({ id: z.string().max(64) }), body: { content: { 'application/json': { schema: UpdateStaffInput } }, required: true } },
    responses: { 200: { description: 'Updated', content: { 'application/json': { schema: StaffUser } } }, ...ErrorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    if (id === c.var.staff!.id && c.req.valid('json').disabled) throw new ApiError(409, 'conflict', 'You cannot disable yourself');
    await updateStaff(c.var.db, id, c.req.valid('json'));
    return c.json(toStaffDto((await findStaff(c.var.db, id))!), 200);
  },
);

/** The audit log section (admin). Mounted at /v1/admin/audit by the staff router. */
export const auditRoutes = createRouter();
auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['staff'],
    summary: 'Audit log, newest first (admin)',
    request: { query: z.object({ before: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
    responses: { 200: { description: 'Entries', content: { 'application/json': { schema: z.object({ items: z.array(AuditEntry) }) } } }, ...ErrorResponses },
  }),
  async (c) => {
    const { before, limit } = c.req.valid('query');
    let q = c.var.db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(limit);
    if (before) q = q.where('at', '<', before);
    const rows = await q.execute();
    return c.json({ items: rows.map((r) => ({ id: r.id, at: r.at, staffId: r.staff_id, action: r.action, subject: r.subject, details: r.details ? JSON.parse(r.details) : null })) }, 200);
  },
);
