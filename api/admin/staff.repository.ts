import type { Kysely } from 'kysely';
import type { StaffRole } from '../../common/taxonomy.js';
import type { Database } from '../db/schema.js';
import { newId, nowIso } from '../core/ids.js';
import { hashPassword } from '../core/passwords.js';
import { newTotpSecret } from '../core/auth.js';
import { ApiError } from '../core/errors.js';

export interface NewStaff {
  email: string;
  name: string;
  role: StaffRole;
  district?: number | null;
  password: string;
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
    password_hash: await hashPassword(input.password),
    role: input.role,
    district: input.district ?? null,
    totp_secret: totpSecret,
    disabled: 0 as const,
    created_at: now,
    updated_at: now,
    last_login_at: null,
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

export async function updateStaff(db: Kysely<Database>, id: string, patch: { name?: string; role?: StaffRole; district?: number | null; disabled?: boolean; password_hash?: string; totp_secret?: string | null }) {
  const { disabled, ...rest } = patch;
  const values = { ...rest, ...(disabled === undefined ? {} : { disabled: (disabled ? 1 : 0) as 0 | 1 }), updated_at: nowIso() };
  const r = await db.updateTable('staff_user').set(values).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new ApiError(404, 'not_found', 'Staff member not found');
  if (disabled) await db.deleteFrom('staff_session').where('staff_id', '=', id).execute();
}

export async function setPassword(db: Kysely<Database>, id: string, password: string) {
  await updateStaff(db, id, { password_hash: await hashPassword(password) });
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
});
