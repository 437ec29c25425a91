import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationInput } from '../../common/map.schema.js';
import { createApp } from '../app.js';
import { solvedAbuse } from '../core/abuse.testing.js';
import { createLogger } from '../core/log.js';
import type { Mailer } from '../core/mail.js';
import { dialects, expectError, freshIp, json, mailedLink, testApp, type TestApp } from '../testing.js';
import { generateOrganisations } from './map.generate.js';

const organisation = (): OrganisationInput => ({ ...generateOrganisations(1, 11)[0]!, name: 'Fundacja Transakcji', districts: [4], cityWide: false });
const submission = async (t: TestApp, email: string) => ({ type: 'create', organisation: organisation(), contact: { name: 'Ewa Test', email }, consent: true, lang: 'pl', abuse: await solvedAbuse(t.app) });

describe.each(dialects)('map submissions as one transaction on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  const count = async (table: 'organisation' | 'organisation_submission' | 'secret_link' | 'mail_outbox') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('leaves no pending entry, submission or link behind when the mail cannot be queued', async () => {
    const failing: Mailer = { ...t.mailer, enqueue: async () => { throw new Error('outbox unavailable'); } };
    const app = createApp({ db: t.db, config: t.config, log: createLogger('silent'), mailer: failing });
    const before = await Promise.all([count('organisation'), count('organisation_submission'), count('secret_link')]);
    const res = await app.request('/v1/map/submissions', json(await submission(t, 'rollback@example.org'), { 'x-forwarded-for': freshIp() }));
    await expectError(res, 500, 'internal_error');
    expect(await Promise.all([count('organisation'), count('organisation_submission'), count('secret_link')])).toEqual(before);
  });

  it('confirms once when the same link is followed twice at the same time', async () => {
    const res = await t.app.request('/v1/map/submissions', json(await submission(t, 'twice@example.org'), { 'x-forwarded-for': freshIp() }));
    expect(res.status).toBe(202);
    const { token } = await mailedLink(t, 'twice@example.org', 'confirm');
    const answers = await Promise.all([0, 1].map(() => t.app.request('/v1/map/submissions/confirm', json({ token }))));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 404]);
    await expectError(answers.find((r) => r.status === 404)!, 404, 'link_invalid');
    const { id } = (await res.json()) as { id: string };
    const sub = await t.db.selectFrom('organisation_submission').select(['status', 'confirmed_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(sub.status).toBe('pending');
    expect(sub.confirmed_at).not.toBeNull();
  });

  it('answers link_invalid to the confirmation of a submission rejected meanwhile', async () => {
    const res = await t.app.request('/v1/map/submissions', json(await submission(t, 'late@example.org'), { 'x-forwarded-for': freshIp() }));
    const { id } = (await res.json()) as { id: string };
    const { token } = await mailedLink(t, 'late@example.org', 'confirm');
    await t.db.updateTable('organisation_submission').set({ status: 'rejected' }).where('id', '=', id).execute();
    await expectError(await t.app.request('/v1/map/submissions/confirm', json({ token })), 404, 'link_invalid');
    // The refused confirmation used nothing up: the link is still unused.
    expect((await t.db.selectFrom('secret_link').select('used_at').where('subject_id', '=', id).executeTakeFirstOrThrow()).used_at).toBeNull();
  });
});
