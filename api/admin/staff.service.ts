import type { Kysely } from 'kysely';
import { tRole } from '../../common/admin.js';
import { dictionaryTranslator } from '../../common/i18n.js';
import type { StaffRole } from '../../common/taxonomy.js';
import { utcToWarsawLocal } from '../../common/time.js';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { newTotpSecret, totpFor } from '../core/auth.js';
import { hashPassword } from '../core/passwords.js';
import { ApiError } from '../core/errors.js';
import { nowIso } from '../core/ids.js';
import type { Mailer, MailLang } from '../core/mail.js';
import { confirmByLink, createSecretLink, findSecretLink } from '../core/secret-links.js';
import { inTransaction } from '../core/transaction.js';
import { staffInviteMail, staffPanelUrl, staffPasswordMail, staffResetMail, staffTotpResetMail } from './admin.mail.js';
import { findStaff, findStaffByEmail, insertStaff, revokePassword } from './staff.repository.js';

/** Every set-password link (an invitation, a forgotten password, an administrator's reset). */
export const PASSWORD_LINK = 'admin:password';
/** An invitation waits a week; a reset link is good for an hour. */
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
export const RESET_TTL_MS = 3600_000;

interface Services {
  db: Kysely<Database>;
  config: Config;
  mailer: Mailer;
}

const expires = (iso: string) => `${utcToWarsawLocal(iso).replace('T', ' ')} (Europe/Warsaw)`;

/** The invitation's texts besides its template: the role's name and, for an administrator, the second factor to come. */
const tInvite = dictionaryTranslator({
  pl: { totpNote: 'Jako administrator po ustawieniu hasła dodasz kod weryfikacyjny do aplikacji uwierzytelniającej (np. FreeOTP, Aegis): bez niego nie zalogujesz się.\n\n' },
  en: { totpNote: 'As an administrator, after choosing the password you will add a verification code to an authenticator app (e.g. FreeOTP, Aegis): you cannot sign in without it.\n\n' },
  uk: { totpNote: 'Як адміністратор, після встановлення пароля ви додасте код підтвердження до застосунку автентифікації (напр. FreeOTP, Aegis): без нього увійти не вдасться.\n\n' },
});

const inviteData = (s: Services, inviter: { name: string }, user: { name: string; role: StaffRole }, link: { token: string; expiresAt: string }, lang: MailLang) => ({
  name: user.name,
  inviter: inviter.name,
  role: tRole(lang, user.role),
  expires: expires(link.expiresAt),
  link: staffPanelUrl(s.config, `password/${link.token}`),
  totpNote: user.role === 'admin' ? tInvite(lang, 'totpNote') : '',
});

/** Invites a staff member: the account (no usable password yet) and the mailed set-password link, in one transaction. */
export async function inviteStaff(s: Services, inviter: { name: string }, input: { email: string; name: string; role: StaffRole; district: number | null; lang: MailLang }) {
  return inTransaction(s.db, async (trx) => {
    const { id } = await insertStaff(trx, { email: input.email, name: input.name, role: input.role, district: input.district });
    const link = await createSecretLink(trx, { purpose: PASSWORD_LINK, subjectId: id, email: input.email, ttlMs: INVITE_TTL_MS, supersede: true });
    await s.mailer.enqueue(
      {
        to: input.email,
        template: staffInviteMail,
        lang: input.lang,
        data: inviteData(s, inviter, input, link, input.lang),
      },
      trx,
    );
    return id;
  });
}

/** Sends a pending invitation again, with a new link (the old one stops working). */
export async function resendInvitation(s: Services, inviter: { name: string }, id: string, lang: MailLang) {
  const user = await findStaff(s.db, id);
  if (!user) throw new ApiError(404, 'not_found', 'Staff member not found');
  if (user.password_set_at !== null) throw new ApiError(409, 'not_invited', 'This member has already chosen a password: reset it instead');
  await inTransaction(s.db, async (trx) => {
    const link = await createSecretLink(trx, { purpose: PASSWORD_LINK, subjectId: id, email: user.email, ttlMs: INVITE_TTL_MS, supersede: true });
    await s.mailer.enqueue({ to: user.email, template: staffInviteMail, lang, data: inviteData(s, inviter, user, link, lang) }, trx);
  });
}

/** An administrator's reset: the old password and the sessions end at once; the member gets a link to choose a new one. */
export async function resetPassword(s: Services, by: { name: string }, id: string, lang: MailLang) {
  const user = await findStaff(s.db, id);
  if (!user) throw new ApiError(404, 'not_found', 'Staff member not found');
  if (user.disabled) throw new ApiError(409, 'staff_disabled', 'Enable the account first');
  await inTransaction(s.db, async (trx) => {
    await revokePassword(trx, id);
    const link = await createSecretLink(trx, { purpose: PASSWORD_LINK, subjectId: id, email: user.email, ttlMs: RESET_TTL_MS, supersede: true });
    await s.mailer.enqueue({ to: user.email, template: staffResetMail, lang, data: { name: user.name, inviter: by.name, expires: expires(link.expiresAt), link: staffPanelUrl(s.config, `password/${link.token}`) } }, trx);
  });
}

/**
 * An administrator's reset of another member's second factor (a lost or stolen phone): the secret
 * goes and the member's sessions end at once. An admin cannot sign in without one, so an admin
 * member gets a link (valid an hour; "forgot password" gives another) to choose a password and
 * enrol a new code; others sign in with their password alone until they set one up again.
 */
export async function resetTotp(s: Services, by: { id: string; name: string }, id: string, lang: MailLang) {
  if (id === by.id) throw new ApiError(409, 'conflict', 'You cannot reset your own second factor');
  const user = await findStaff(s.db, id);
  if (!user) throw new ApiError(404, 'not_found', 'Staff member not found');
  if (user.disabled) throw new ApiError(409, 'staff_disabled', 'Enable the account first');
  if (!user.totp_secret) throw new ApiError(409, 'totp_not_enrolled', 'This member has no second factor to reset');
  await inTransaction(s.db, async (trx) => {
    await trx.updateTable('staff_user').set({ totp_secret: null, totp_last_step: null, updated_at: nowIso() }).where('id', '=', id).execute();
    await trx.deleteFrom('staff_session').where('staff_id', '=', id).execute();
    if (user.role !== 'admin') return;
    const link = await createSecretLink(trx, { purpose: PASSWORD_LINK, subjectId: id, email: user.email, ttlMs: RESET_TTL_MS, supersede: true });
    await s.mailer.enqueue({ to: user.email, template: staffTotpResetMail, lang, data: { name: user.name, inviter: by.name, expires: expires(link.expiresAt), link: staffPanelUrl(s.config, `password/${link.token}`) } }, trx);
  });
}

/**
 * "Forgot password": mails a link when the address belongs to an active account, and does nothing
 * otherwise. The caller answers the same either way. Returns whether a mail went out (for the audit).
 */
export async function forgotPassword(s: Services, email: string, lang: MailLang): Promise<string | null> {
  const user = await findStaffByEmail(s.db, email);
  // Pay for a hash either way, so the answer takes about as long for an unknown address.
  if (!user || user.disabled) {
    await hashPassword(email);
    return null;
  }
  await inTransaction(s.db, async (trx) => {
    const invitation = user.password_set_at === null;
    const link = await createSecretLink(trx, { purpose: PASSWORD_LINK, subjectId: user.id, email: user.email, ttlMs: invitation ? INVITE_TTL_MS : RESET_TTL_MS, supersede: true });
    await s.mailer.enqueue({ to: user.email, template: staffPasswordMail, lang, data: { name: user.name, expires: expires(link.expiresAt), link: staffPanelUrl(s.config, `password/${link.token}`) } }, trx);
  });
  return user.id;
}

/** What a live set-password link is for; 404 `link_invalid` for any other token, as for every secret link. */
export async function passwordLinkInfo(db: Kysely<Database>, token: string) {
  const link = await findSecretLink(db, token, PASSWORD_LINK);
  const user = await findStaff(db, link.subjectId);
  if (!user || user.disabled) throw new ApiError(404, 'link_invalid', 'This link is invalid, expired or already used');
  const invitation = user.password_set_at === null;
  return { name: user.name, email: user.email, invitation, totpEnrolment: user.role === 'admin' && (invitation || !user.totp_secret), expiresAt: link.expiresAt };
}

/**
 * Sets the password from a link, once. An invited admin gets their TOTP secret in the answer (a new
 * one, shown only here): an admin never signs in without a second factor. The member's other
 * sessions end; they sign in afresh.
 */
export async function setPasswordByLink(db: Kysely<Database>, token: string, password: string) {
  // A dead link is refused before paying for the hash.
  await findSecretLink(db, token, PASSWORD_LINK);
  const hash = await hashPassword(password);
  return confirmByLink(db, token, PASSWORD_LINK, async (trx, link) => {
    const user = await trx.selectFrom('staff_user').selectAll().where('id', '=', link.subjectId).executeTakeFirst();
    if (!user || user.disabled) return null;
    // An invited admin, or one whose second factor an administrator reset, enrols a new one here.
    const enrol = user.role === 'admin' && (user.password_set_at === null || user.totp_secret === null);
    const totpSecret = enrol ? newTotpSecret() : null;
    await trx
      .updateTable('staff_user')
      .set({ password_hash: hash, password_set_at: nowIso(), updated_at: nowIso(), ...(totpSecret ? { totp_secret: totpSecret, totp_last_step: null } : {}) })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('staff_session').where('staff_id', '=', user.id).execute();
    return { id: user.id, email: user.email, totpSecret, totpUri: totpSecret ? totpFor(user.email, totpSecret).toString() : null };
  });
}
