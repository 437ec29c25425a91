import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // Sign-in throttle per account, per known browser and per client: attempts are claimed here before
  // a password is checked, so that parallel guesses cannot all slip past the limit.
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_updated_idx').on('login_throttle').column('updated_at').execute();
  // The last accepted TOTP time step: a code is good once, and never after a newer one.
  await db.schema.alterTable('staff_user').addColumn('totp_last_step', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff_user').dropColumn('totp_last_step').execute();
  await db.schema.dropTable('login_throttle').execute();
}
