import type { Kysely, Transaction } from 'kysely';
import type { StaffRole } from '../../common/taxonomy.js';
import type { Database } from '../db/schema.js';
import { newId, nowIso, randomToken } from '../core/ids.js';
import { hashPassword } from '../core/passwords.js';
import { newTotpSecret } from '../core/auth.js';
import { ApiError } from '../core/errors.js';
import { inDistrict } from '../core/staff.rules.js';
import { isPostgres } from '../db/database.js';

export interface NewStaff {
  email: string;
  name: string;
  role: StaffRole;
  district?: number | null;
  /** Without one the account waits for its invitation: a random password no one knows, until the member sets their own. */
  password?: string;
}

/** Creates a staff user; admins get a TOTP secret, returned once so it can be enrolled. */
export async function insertStaff(db: Kysely<Database>, input: NewStaff) {
  const existing = await findStaffByEmail(db, input.email);
  if (existing) throw new ApiError(409, 'conflict', 'A staff member with this e-mail exists');
  const now = nowIso();
  const totpSecret = input.role === 'admin' ? newTotpSecret() : null;
  const row = {
    id: newId(),
    email: input.email.trim().toLowerCase(),
    name: input.name,
    password_hash: await hashPassword(input.password ?? randomToken()),
    role: input.role,
    district: input.district ?? null,
    totp_secret: totpSecret,
    disabled: 0 as const,
    created_at: now,
    updated_at: now,
    last_login_at: null,
    password_set_at: input.password === undefined ? null : now,
  };
  await db.insertInto('staff_user').values(row).execute();
  return { id: row.id, totpSecret };
}

export function findStaffByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('staff_user').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function findStaff(db: Kysely<Database>, id: string) {
  return db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listStaff(db: Kysely<Database>) {
  return db.selectFrom('staff_user').selectAll().orderBy('email').execute();
}

export interface StaffPatch {
  name?: string;
  role?: StaffRole;
  district?: number | null;
  disabled?: boolean;
  password_hash?: string;
  password_set_at?: string | null;
  totp_secret?: string | null;
}

/**
 * Changes a staff member. Refuses (409 `last_admin`) to demote or disable the last active admin,
 * whoever asks: the city would lose its way into the staff and settings sections. Promoting
 * someone without a TOTP secret to admin gives them one, returned once (`totpSecret`) for
 * enrolment: an admin never signs in without a second factor. A new secret forgets the last
 * accepted code. Disabling ends the person's sessions.
 */
export async function updateStaff(db: Kysely<Database>, id: string, patch: StaffPatch): Promise<{ totpSecret: string | null }> {
  return db.transaction().execute(async (trx) => {
    // Lock the active admins first (PostgreSQL; SQLite has one writer), so two admins demoting
    // each other at once cannot both pass the check.
    let admins = trx.selectFrom('staff_user').select('id').where('role', '=', 'admin').where('disabled', '=', 0).orderBy('id');
    if (isPostgres(trx)) admins = admins.forUpdate();
    const adminIds = (await admins.execute()).map((r) => r.id);
    const current = await trx.selectFrom('staff_user').select(['role', 'totp_secret']).where('id', '=', id).executeTakeFirst();
    if (!current) throw new ApiError(404, 'not_found', 'Staff member not found');
    const leavesAdmins = (patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true;
    if (leavesAdmins && adminIds.length === 1 && adminIds[0] === id) {
      throw new ApiError(409, 'last_admin', 'This is the last active admin: make someone else admin first');
    }
    const totpSecret = patch.role === 'admin' && !current.totp_secret && patch.totp_secret === undefined ? newTotpSecret() : null;
    const { disabled, ...rest } = patch;
    const values = {
      ...rest,
      ...(totpSecret ? { totp_secret: totpSecret } : {}),
      ...(totpSecret || patch.totp_secret !== undefined ? { totp_last_step: null } : {}),
      ...(disabled === undefined ? {} : { disabled: (disabled ? 1 : 0) as 0 | 1 }),
      updated_at: nowIso(),
    };
    await trx.updateTable('staff_user').set(values).where('id', '=', id).execute();
    if (disabled) await trx.deleteFrom('staff_session').where('staff_id', '=', id).execute();
    return { totpSecret };
  });
}

/** A new password: every session of the member ends (and every known browser is forgotten, as the device cookie is bound to the hash). */
export async function setPassword(db: Kysely<Database>, id: string, password: string) {
  await updateStaff(db, id, { password_hash: await hashPassword(password), password_set_at: nowIso() });
  await db.deleteFrom('staff_session').where('staff_id', '=', id).execute();
}

/** An administrator's reset: the old password stops working at once, and so do the member's sessions. */
export async function revokePassword(db: Kysely<Database> | Transaction<Database>, id: string) {
  await db.updateTable('staff_user').set({ password_hash: await hashPassword(randomToken()), updated_at: nowIso() }).where('id', '=', id).execute();
  await db.deleteFrom('staff_session').where('staff_id', '=', id).execute();
}

export const toStaffDto = (u: Awaited<ReturnType<typeof findStaff>> & {}) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  district: u.district,
  disabled: !!u.disabled,
  lastLoginAt: u.last_login_at,
  invited: u.password_set_at === null,
  totp: u.totp_secret !== null,
});

/** Names and e-mails of staff members by id, for the audit log (who did it). */
export async function staffNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, { name: string; email: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('staff_user').select(['id', 'name', 'email']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

/**
 * Who hears of a new item (a remark, an event submission, a map entry): admins, and moderators and
 * editors whose district scope covers it (`inDistrict`: no scope covers all; an item of several
 * districts is covered by the staff of each; a city-wide item, `null`, only by unscoped staff).
 * One address once.
 */
export async function staffToNotify(db: Kysely<Database> | Transaction<Database>, districts: number | readonly number[] | null): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_user')
    .select(['email', 'role', 'district'])
    .where('disabled', '=', 0)
    .where('role', 'in', ['admin', 'moderator', 'editor'])
    .execute();
  const scope = typeof districts === 'number' ? [districts] : districts;
  const emails = rows.filter((r) => inDistrict(r, scope)).map((r) => r.email.toLowerCase());
  return [...new Set(emails)].sort();
}
