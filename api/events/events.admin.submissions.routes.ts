import { labelTranslator } from '../../common/i18n.js';
import { createRoute } from '@hono/zod-openapi';
import * as z from '../../common/zod.js';
import { LANGS } from '../../common/taxonomy.js';
import { StaffSubmission } from '../../common/events.schema.js';
import { inDistrict } from '../core/staff.rules.js';
import { ApiError, notFound } from '../core/errors.js';
import { ErrorResponses, IdParam, jsonContent, jsonRequest } from '../core/openapi.js';
import { createRouter } from '../core/validation.js';
import { findConflicts } from './events.attendance.js';
import { eventPageUrl, submissionDecidedMail } from './events.mail.js';
import { bumpEventsVersion, decideSubmission, findEventRow, findPendingSubmissions, findSubmission, setEventStatus } from './events.repository.js';
import { calendarEvents } from './events.service.js';
import { Ok, staffEvent, TAGS } from './events.admin.shared.js';

/** Moderation of NGO submissions: the waiting ones with conflict hints, approve and reject. Mounted on the events staff router (events.admin.routes.ts). */
export const submissionStaffRoutes = createRouter();

submissionStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/submissions',
    tags: TAGS,
    summary: 'NGO submissions waiting for moderation (confirmed by e-mail), with conflict hints: same day, same district, same audience',
    responses: { 200: jsonContent(z.object({ items: z.array(StaffSubmission) }), 'Submissions'), ...ErrorResponses },
  }),
  async (c) => {
    const { db } = c.var;
    const subs = await findPendingSubmissions(db);
    const staff = c.var.staff!;
    const items = [];
    for (const s of subs) {
      const row = await findEventRow(db, s.event_id);
      if (!row || !inDistrict(staff, row.district === null ? null : [row.district])) continue;
      const [event] = await calendarEvents(db, [row]);
      items.push({ id: s.id, submitter: { name: s.submitter_name, email: s.submitter_email }, note: s.note, createdAt: s.created_at, event: event!, conflicts: await findConflicts(db, row) });
    }
    return c.json({ items }, 200);
  },
);

/** What the submitter's mail says of the decision. */
const tDecisionText = labelTranslator({
  approved: { pl: 'Twoje wydarzenie jest już w kalendarzu.', en: 'Your event is now in the calendar.', uk: 'Ваша подія вже в календарі.' },
  rejected: { pl: 'Nie możemy opublikować Twojego wydarzenia.', en: 'We cannot publish your event.', uk: 'Ми не можемо опублікувати вашу подію.' },
});

for (const decision of ['approve', 'reject'] as const) {
  submissionStaffRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/submissions/{id}/${decision}`,
      tags: TAGS,
      summary: decision === 'approve' ? 'Publish a submitted event; the submitter is mailed' : 'Refuse a submitted event with a reason; the submitter is mailed',
      request: { params: IdParam, ...jsonRequest(z.object({ reason: decision === 'reject' ? z.string().trim().min(3).max(2000) : z.string().trim().max(2000).default('') })) },
      responses: { 200: Ok, ...ErrorResponses },
    }),
    async (c) => {
      const { db, mailer, config } = c.var;
      const { reason } = c.req.valid('json');
      const s = await findSubmission(db, c.req.valid('param').id);
      if (!s) throw notFound('Submission');
      const row = await staffEvent(c, s.event_id);
      await db.transaction().execute(async (trx) => {
        const status = decision === 'approve' ? 'approved' : 'rejected';
        if (!(await decideSubmission(trx, s.id, { status, reason: reason || null, by: c.var.staff!.id }))) throw new ApiError(409, 'conflict', 'This submission is not waiting for moderation');
        if (decision === 'approve') await setEventStatus(trx, row.id, 'published');
        else await bumpEventsVersion(trx);
        const lang = (LANGS as readonly string[]).includes(s.lang) ? (s.lang as (typeof LANGS)[number]) : 'pl';
        await mailer.enqueue({ to: s.submitter_email, template: submissionDecidedMail, lang, data: { name: s.submitter_name, title: row.title, decision: tDecisionText(lang, status), reason, link: decision === 'approve' ? eventPageUrl(config, row.id, lang) : '' } }, trx);
      });
      return c.json({ ok: true as const }, 200);
    },
  );
}
