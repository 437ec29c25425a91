import type { RetentionRule } from '../core/retention.js';

const DAY = 24 * 3600_000;

/** The map's retention rules. */
export const MAP_RETENTION: readonly RetentionRule[] = [
  // Submissions never confirmed by e-mail are dropped after 30 days, with the pending entry they created.
  {
    name: 'map:unconfirmed-submissions',
    describe: 'Map submissions not confirmed within 30 days, and the pending entries they created',
    run: async (db, now) => {
      const cut = new Date(now.getTime() - 30 * DAY).toISOString();
      const stale = await db.selectFrom('organisation_submission').select(['id', 'organisation_id', 'type']).where('status', '=', 'unconfirmed').where('created_at', '<', cut).execute();
      if (!stale.length) return 0;
      await db.deleteFrom('organisation_submission').where('id', 'in', stale.map((s) => s.id)).execute();
      const orphans = stale.filter((s) => s.type === 'create' && s.organisation_id).map((s) => s.organisation_id!);
      if (orphans.length) await db.deleteFrom('organisation').where('id', 'in', orphans).where('status', '=', 'pending').execute();
      return stale.length;
    },
  },
  // Decided submissions keep their history, but not the submitter's name and e-mail, after a year.
  {
    name: 'map:submitter-contacts',
    describe: "Submitters' names and e-mails on map submissions decided over 365 days ago",
    run: async (db, now) => {
      const cut = new Date(now.getTime() - 365 * DAY).toISOString();
      const r = await db
        .updateTable('organisation_submission')
        .set({ submitter_name: '—', submitter_email: '' })
        .where('status', 'in', ['approved', 'rejected'])
        .where('decided_at', '<', cut)
        .where('submitter_email', '!=', '')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  },
];
