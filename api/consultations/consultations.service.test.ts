import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../core/log.js';
import type { Mailer } from '../core/mail.js';
import { dialects, expectError, json, staffSession, testApp, type TestApp } from '../testing.js';
import { createConsultation, postRemark, remarkBody } from './consultations.testing.js';

describe.each(dialects)('consultation writes as one transaction on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  it('keeps a remark published when the rejection mail cannot be queued', async () => {
    const c = await createConsultation(t);
    const res = await postRemark(t, c.id, remarkBody());
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const failing: Mailer = { ...t.mailer, enqueue: async () => { throw new Error('outbox unavailable'); } };
    const app = createApp({ db: t.db, config: t.config, log: createLogger('silent'), mailer: failing });
    const moderator = await staffSession({ ...t, app }, 'moderator');
    await expectError(await app.request(`/v1/admin/consultations/remarks/${id}/reject`, json({ reason: 'Spam' }, moderator.headers)), 500, 'internal_error');
    expect((await t.db.selectFrom('consultation_remark').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('published');
    // With mail working, the same rejection goes through.
    const ok = await t.app.request(`/v1/admin/consultations/remarks/${id}/reject`, json({ reason: 'Spam' }, moderator.headers));
    expect(ok.status).toBe(200);
    expect((await t.db.selectFrom('consultation_remark').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('rejected');
  });
});
