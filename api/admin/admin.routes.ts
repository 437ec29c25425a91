import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { ForgotPasswordInput, InviteStaffInput, LoginInput, PasswordLinkInfo, PasswordLinkInput, SessionInfo, SetPasswordInput, SetPasswordResult, StaffUser, UpdateStaffInput } from '../../common/admin.schema.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ErrorEnvelopeSchema, ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { checkProofOfWork, proofAlreadyUsed, spendProofOfWork } from '../core/abuse.js';
import { acceptTotpStep, audit, createSession, destroySession, issueDeviceCookie, knownDevice, totpStep } from '../core/auth.js';
import { ApiError } from '../core/errors.js';
import { nowIso, sha256 } from '../core/ids.js';
import { ACCOUNT_THROTTLE, DEVICE_THROTTLE, IP_THROTTLE, claimAttempts, refundAttempts, type ThrottleRule } from '../core/login-throttle.js';
import { DUMMY_HASH, verifyPassword } from '../core/passwords.js';
import { sectionsFor } from '../core/module.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../common/admin.js';
import { mailLang } from '../core/mail.js';
import { createRouter } from '../core/validation.js';
import { enforce, hit } from '../core/rate-limit.js';
import { findStaff, findStaffByEmail, listStaff, toStaffDto, updateStaff } from './staff.repository.js';
import { forgotPassword, inviteStaff, passwordLinkInfo, resendInvitation, resetPassword, resetTotp, setPasswordByLink } from './staff.service.js';

const wrongCredentials = () => new ApiError(401, 'invalid_credentials', 'Wrong e-mail, password or code');

/** Signing in: the one staff route open without a session. Mounted at /v1/admin by the staff router. */
export const signInRoutes = createRouter();

signInRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/session',
    tags: ['staff'],
    summary: 'Sign in (staff). Accounts with TOTP (every admin) send the code in the same request.',
    description:
      'Any failure (unknown e-mail, wrong password, missing, wrong or reused code, disabled account) is the same 401 `invalid_credentials`. ' +
      'Attempts are counted per account, per known browser and per client before the password is checked. After 5 failed attempts ' +
      'the next ones need a solved proof of work in `altcha` and come at growing intervals: 429 `challenge_required` with `details.retryAfter` ' +
      '(seconds, 0 when only the proof is missing). A browser that signed in before carries a signed device cookie and keeps its own budget. ' +
      '503 `service_unavailable` when too many sign-ins are being checked at once.',
    request: jsonRequest(LoginInput),
    responses: { 200: { description: 'Signed in; the session cookie is set', content: { 'application/json': { schema: SessionInfo } } }, ...ErrorResponses, 503: jsonContent(ErrorEnvelopeSchema, 'Too many sign-ins being checked at once; see Retry-After') },
  }),
  async (c) => {
    const { email, password, otp, altcha } = c.req.valid('json');
    const { db, config } = c.var;
    const user = await findStaffByEmail(db, email);
    const device = user ? knownDevice(c, user) : null;
    // A known browser is throttled on its own budget; anyone else on the account's and the client's.
    const keys: [string, ThrottleRule][] = device
      ? [[`device:${sha256(device)}`, DEVICE_THROTTLE]]
      : [[`account:${sha256(email)}`, ACCOUNT_THROTTLE], [`ip:${c.var.ipHash}`, IP_THROTTLE]];
    const proof = altcha ? await checkProofOfWork(config, altcha) : null;
    const claimed = await claimAttempts(db, keys, proof !== null);
    try {
      if (proof && !(await spendProofOfWork(db, proof))) throw proofAlreadyUsed();
      // Unknown e-mails cost a hash too, and get the same answer as a wrong password.
      const passwordOk = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      const failure = !user ? 'unknown_account' : !passwordOk ? 'password' : user.disabled ? 'disabled' : await secondFactorFailure(db, user, otp);
      if (failure) {
        if (failure === 'totp_not_enrolled') c.var.log.warn('admin without TOTP refused; enrol with npm run staff -- reset-totp', { staffId: user!.id });
        await audit(c, 'login_failed', user ? `staff:${user.id}` : null, { reason: failure });
        throw wrongCredentials();
      }
    } catch (err) {
      // Only evaluated failures count; a refused proof or a full hashing queue gives the attempt back.
      if (!(err instanceof ApiError && err.code === 'invalid_credentials')) await refundAttempts(db, claimed);
      throw err;
    }
    // A successful sign-in gives its attempt back.
    await refundAttempts(db, claimed);
    const u = user!;
    await db.updateTable('staff_user').set({ last_login_at: nowIso() }).where('id', '=', u.id).execute();
    const { csrfToken, expiresAt } = await createSession(c, u.id);
    issueDeviceCookie(c, u);
    c.set('staff', { id: u.id, email: u.email, name: u.name, role: u.role, district: u.district, sessionId: '', csrfToken });
    await audit(c, 'login', `staff:${u.id}`);
    return c.json({ staff: { id: u.id, email: u.email, name: u.name, role: u.role, district: u.district }, csrfToken, sections: sectionsFor(c.var.modules, u.role), expiresAt }, 200);
  },
);

/** "Forgot password" per client: more than this in an hour is a 429 (which says nothing about any account). */
const FORGOT_PER_IP = { limit: 10, windowSec: 3600 };
/** Per address: past this the answer stays the same 202, but no more mail goes out (no mail bombing). */
const FORGOT_PER_EMAIL = { limit: 3, windowSec: 3600 };
/** Opening and using set-password links, per client. */
const LINK_PER_IP = { limit: 30, windowSec: 3600 };

signInRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/password/forgot',
    tags: ['staff'],
    summary: 'Forgot password: mails a set-password link to an active staff account',
    description:
      'Always 202 with the same body, whether or not the address has an account (no account enumeration). The link is valid for an hour and once. ' +
      'At most 3 mails per address per hour (later requests still get 202 and send nothing) and 10 requests per client per hour (429 `rate_limited`).',
    request: jsonRequest(ForgotPasswordInput),
    responses: { 202: jsonContent(z.object({ sent: z.literal(true) }), 'Accepted: if the address has an active account, a link is on its way'), ...ErrorResponses },
  }),
  async (c) => {
    const { email, lang } = c.req.valid('json');
    const { db, config, mailer } = c.var;
    await enforce(db, `forgot:ip:${c.var.ipHash}`, FORGOT_PER_IP);
    const { count } = await hit(db, `forgot:email:${sha256(email)}`, FORGOT_PER_EMAIL);
    const staffId = count <= FORGOT_PER_EMAIL.limit ? await forgotPassword({ db, config, mailer }, email, lang) : null;
    if (staffId) await audit(c, 'password_forgot', `staff:${staffId}`);
    return c.json({ sent: true as const }, 202);
  },
);

signInRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/password/link',
    tags: ['staff'],
    summary: 'What a set-password link is for (the name, whether it is an invitation and whether a TOTP enrolment follows); does not use it up',
    description: 'Every unknown, used or expired link is 404 `link_invalid`. The token travels in the body, never in a URL.',
    request: jsonRequest(PasswordLinkInput),
    responses: { 200: jsonContent(PasswordLinkInfo, 'The link is live'), ...ErrorResponses },
  }),
  async (c) => {
    await enforce(c.var.db, `password-link:ip:${c.var.ipHash}`, LINK_PER_IP);
    return c.json(await passwordLinkInfo(c.var.db, c.req.valid('json').token), 200);
  },
);

signInRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/password',
    tags: ['staff'],
    summary: 'Sets the password from a mailed link (once). An invited admin gets their TOTP secret in the answer, shown only here.',
    description: `The password has ${PASSWORD_MIN}-${PASSWORD_MAX} characters. The member's sessions end; they sign in afresh. 404 \`link_invalid\` for an unknown, used or expired link.`,
    request: jsonRequest(SetPasswordInput),
    responses: { 200: jsonContent(SetPasswordResult, 'The password is set'), ...ErrorResponses },
  }),
  async (c) => {
    const { token, password } = c.req.valid('json');
    await enforce(c.var.db, `password-link:ip:${c.var.ipHash}`, LINK_PER_IP);
    const { id, email, totpSecret, totpUri } = await setPasswordByLink(c.var.db, token, password);
    await audit(c, 'password_set', `staff:${id}`, totpSecret ? { totpEnrolled: true } : undefined);
    return c.json({ email, totpSecret, totpUri }, 200);
  },
);

/**
 * Why the second factor fails, or null when it holds. Admins always need one: an admin without an
 * enrolled secret cannot sign in at all. A code is accepted once (its time step is remembered).
 */
async function secondFactorFailure(db: Kysely<Database>, user: { id: string; email: string; role: string; totp_secret: string | null }, otp: string | undefined) {
  if (!user.totp_secret) return user.role === 'admin' ? 'totp_not_enrolled' : null;
  if (!otp) return 'code_missing';
  const step = totpStep(user.email, user.totp_secret, otp);
  if (step === null) return 'code';
  return (await acceptTotpStep(db, user.id, step)) ? null : 'code_reused';
}

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

const WaitingItem = z.object({ key: z.string(), count: z.number().int().min(0), section: z.string() }).meta({ id: 'WaitingCount' });

sessionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/waiting',
    tags: ['staff'],
    summary: 'The start screen: what waits for the signed-in staff member, per module (remarks to moderate, submissions, unanswered remarks, consultations closing within 7 days…)',
    description: "Each module counts its own through its manifest's `waiting` hook, within the member's role and district scope, so the counts equal what the member's queues list. Only sections the role reaches are counted.",
    responses: { 200: jsonContent(z.object({ items: z.array(WaitingItem) }), 'Counts, in the order of the panel sections'), ...ErrorResponses },
  }),
  async (c) => {
    const staff = c.var.staff!;
    const reach = new Set(sectionsFor(c.var.modules, staff.role));
    const lists = await Promise.all(c.var.modules.filter((m) => m.waiting).map((m) => m.waiting!(c.var.db, staff)));
    return c.json({ items: lists.flat().filter((w) => reach.has(w.section)) }, 200);
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
    summary: 'Invite a staff member (admin): the account and a mailed set-password link, valid for 7 days',
    description: 'The member chooses their own password from the link; an invited admin enrols TOTP there too. 409 `conflict` when the address already has an account.',
    request: jsonRequest(InviteStaffInput),
    responses: { 201: jsonContent(z.object({ staff: StaffUser }), 'Invited'), ...ErrorResponses },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const { db, config, mailer } = c.var;
    const id = await inviteStaff({ db, config, mailer }, c.var.staff!, input);
    c.set('auditDetails', { name: input.name, email: input.email, role: input.role, district: input.district });
    return c.json({ staff: toStaffDto((await findStaff(db, id))!) }, 201);
  },
);
staffAccountRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    tags: ['staff'],
    summary: 'Change role, district or name, or disable (admin). Promoting to admin issues a TOTP secret, shown once; the last active admin cannot be demoted or disabled (409 `last_admin`).',
    description: 'Disabling ends every session of the member at once. You cannot disable yourself (409 `conflict`).',
    request: { params: IdParam, ...jsonRequest(UpdateStaffInput) },
    responses: { 200: jsonContent(StaffUser.extend({ totpSecret: z.string().nullable() }), 'Updated; `totpSecret` is set once, when a promotion issued one'), ...ErrorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    if (id === c.var.staff!.id && patch.disabled) throw new ApiError(409, 'conflict', 'You cannot disable yourself');
    const before = await findStaff(c.var.db, id);
    if (!before) throw new ApiError(404, 'not_found', 'Staff member not found');
    const { totpSecret } = await updateStaff(c.var.db, id, patch);
    const after = (await findStaff(c.var.db, id))!;
    // The log keeps what changed, from → to, and whose account it was.
    const changes: Record<string, unknown> = { name: after.name };
    if (patch.role !== undefined && patch.role !== before.role) changes.role = [before.role, after.role];
    if (patch.district !== undefined && patch.district !== before.district) changes.district = [before.district, after.district];
    if (patch.name !== undefined && patch.name !== before.name) changes.renamed = [before.name, after.name];
    if (patch.disabled !== undefined && !!before.disabled !== patch.disabled) changes.disabled = patch.disabled;
    c.set('auditDetails', changes);
    return c.json({ ...toStaffDto(after), totpSecret }, 200);
  },
);
const MailLangQuery = z.object({ lang: z.enum(['pl', 'en', 'uk']).default('pl') });
staffAccountRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/invitation',
    tags: ['staff'],
    summary: 'Send a pending invitation again (admin), with a new link; the old link stops working',
    description: '409 `not_invited` when the member has already chosen a password.',
    request: { params: IdParam, query: MailLangQuery },
    responses: { 204: { description: 'Sent' }, ...ErrorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db, config, mailer } = c.var;
    await resendInvitation({ db, config, mailer }, c.var.staff!, id, mailLang(c.req.valid('query').lang));
    c.set('auditDetails', { name: (await findStaff(db, id))?.name });
    return c.body(null, 204);
  },
);
staffAccountRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/password-reset',
    tags: ['staff'],
    summary: "Reset a member's password (admin): the old password and their sessions end at once, and they get a link (valid an hour) to choose a new one",
    description: '409 `staff_disabled` for a disabled account (enable it first).',
    request: { params: IdParam, query: MailLangQuery },
    responses: { 204: { description: 'Reset; the link is mailed' }, ...ErrorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db, config, mailer } = c.var;
    await resetPassword({ db, config, mailer }, c.var.staff!, id, mailLang(c.req.valid('query').lang));
    c.set('auditDetails', { name: (await findStaff(db, id))?.name });
    return c.body(null, 204);
  },
);

staffAccountRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/totp-reset',
    tags: ['staff'],
    summary: "Reset another member's second factor (admin): the TOTP secret and their sessions end at once",
    description: 'An admin member is mailed a link (valid an hour) to choose a password and enrol a new code, since an admin never signs in without one; others sign in with their password. 409 `totp_not_enrolled` when there is none, `staff_disabled` for a disabled account, `conflict` for your own.',
    request: { params: IdParam, query: MailLangQuery },
    responses: { 204: { description: 'Reset' }, 409: jsonContent(ErrorEnvelopeSchema, '`totp_not_enrolled`, `staff_disabled` or `conflict`'), ...ErrorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db, config, mailer } = c.var;
    await resetTotp({ db, config, mailer }, c.var.staff!, id, mailLang(c.req.valid('query').lang));
    c.set('auditDetails', { name: (await findStaff(db, id))?.name });
    return c.body(null, 204);
  },
);

