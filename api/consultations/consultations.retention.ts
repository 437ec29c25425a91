import type { RetentionRule } from '../core/retention.js';

const DAY = 24 * 3600_000;

/** The consultations' retention rules. */
export const CONSULTATIONS_RETENTION: readonly RetentionRule[] = [
  // Remarks and supports never confirmed by e-mail are dropped after 30 days (their links live 7).
  {
    name: 'consultations:unconfirmed',
    describe: 'Consultation remarks and supports not confirmed within 30 days',
    run: async (db, now) => {
      const cut = new Date(now.getTime() - 30 * DAY).toISOString();
      const supports = await db.deleteFrom('consultation_support').where('confirmed_at', 'is', null).where('created_at', '<', cut).executeTakeFirst();
      const remarks = await db.deleteFrom('consultation_remark').where('status', '=', 'unconfirmed').where('created_at', '<', cut).executeTakeFirst();
      return Number(supports.numDeletedRows) + Number(remarks.numDeletedRows);
    },
  },
  // Remarks and supports stay in the report, but their authors' names and e-mails go a year after it,
  // and a year after a rejection.
  {
    name: 'consultations:contacts',
    describe: "Authors' and supporters' names and e-mails, 365 days after the report (or after a rejected remark was sent)",
    run: async (db, now) => {
      const cut = new Date(now.getTime() - 365 * DAY).toISOString();
      const reported = db.selectFrom('consultation').select('id').where('reported_at', 'is not', null).where('reported_at', '<', cut);
      const remarks = await db
        .updateTable('consultation_remark')
        .set({ contact_name: '—', contact_email: '' })
        .where('contact_email', '!=', '')
        .where((eb) => eb.or([eb('consultation_id', 'in', reported), eb.and([eb('status', '=', 'rejected'), eb('created_at', '<', cut)])]))
        .executeTakeFirst();
      const supports = await db
        .updateTable('consultation_support')
        .set({ contact_name: '—', contact_email: '' })
        .where('contact_email', '!=', '')
        .where('consultation_id', 'in', reported)
        .executeTakeFirst();
      return Number(remarks.numUpdatedRows) + Number(supports.numUpdatedRows);
    },
  },
];
