import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { StoredAuditEntry } from '../core/audit.js';

/** Which entries: by whom, which stored actions (none matches an empty list), from and before which instants (UTC ISO). */
export interface AuditSearch {
  staffId?: string;
  actions?: readonly string[];
  since?: string;
  before?: string;
}

function filtered(db: Kysely<Database>, s: AuditSearch) {
  let q = db.selectFrom('audit_log as a');
  if (s.staffId) q = q.where('a.staff_id', '=', s.staffId);
  if (s.actions) q = s.actions.length ? q.where('a.action', 'in', [...s.actions]) : q.where(sql<boolean>`1 = 0`);
  if (s.since) q = q.where('a.at', '>=', s.since);
  if (s.before) q = q.where('a.at', '<', s.before);
  return q;
}

/** A page of entries, newest first, with the name and e-mail of who acted. */
export function findAuditEntries(db: Kysely<Database>, s: AuditSearch, page: { limit: number; offset: number }): Promise<StoredAuditEntry[]> {
  return filtered(db, s)
    .leftJoin('staff_user as s', 's.id', 'a.staff_id')
    .select(['a.id', 'a.at', 'a.action', 'a.subject', 'a.details', 'a.staff_id', 's.name as staff_name', 's.email as staff_email'])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAuditEntries(db: Kysely<Database>, s: AuditSearch): Promise<number> {
  const row = await filtered(db, s).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every staff account, by name, for the "who" filter (disabled ones too: their entries stay). */
export function listAuditStaff(db: Kysely<Database>): Promise<{ id: string; name: string; email: string }[]> {
  return db.selectFrom('staff_user').select(['id', 'name', 'email']).orderBy('name').orderBy('email').execute();
}
