import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // When the member last chose a password; null while an invitation waits (no one knows the password).
  await db.schema.alterTable('staff_user').addColumn('password_set_at', 'text').execute();
  await sql`update staff_user set password_set_at = created_at`.execute(db);
  await db.schema.createIndex('audit_log_staff_idx').on('audit_log').columns(['staff_id', 'at']).execute();
  await db.schema.createIndex('mail_outbox_created_idx').on('mail_outbox').columns(['created_at']).execute();

  // The audit log is append-only: nothing may change an entry. Only the retention purge deletes, and
  // on PostgreSQL only inside a transaction that set `ngo.audit_purge` (api/core/retention.ts).
  if (isPostgres(db)) {
    await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and current_setting('ngo.audit_purge', true) = 'on' then return old; end if;
        raise exception 'audit_log is append-only (%)', tg_op using errcode = '42501';
      end $$`.execute(db);
    await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_append_only before update on audit_log begin select raise(abort, 'audit_log is append-only (UPDATE)'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
    await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db);
    await sql`drop function if exists audit_log_append_only()`.execute(db);
  } else {
    await sql`drop trigger if exists audit_log_append_only`.execute(db);
  }
  await db.schema.dropIndex('mail_outbox_created_idx').execute();
  await db.schema.dropIndex('audit_log_staff_idx').execute();
  await db.schema.alterTable('staff_user').dropColumn('password_set_at').execute();
}

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;
