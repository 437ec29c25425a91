import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import { testConfig } from '../api/config.js';
import { createLogger } from '../api/core/log.js';
import { createMailer } from '../api/core/mail.js';
import { solvedAbuse } from '../api/core/abuse.testing.js';
import { dialects, freshIp, json, mailedLink, staffSession, STAFF_PASSWORD, testDatabase, type TestApp } from '../api/testing.js';
import { createConsultation, remarkBody } from '../api/consultations/consultations.testing.js';
import type { DatabaseHandle } from '../api/db/database.js';
import { organisationInput } from '../api/map/map.testing.js';

const ORG = organisationInput({ name: 'Fundacja Cichy Dziennik', legalForm: 'fundacja', districts: [4] });

/**
 * A whole journey through the public and staff API with every log line captured at debug level:
 * no secret-link token, e-mail address or password may appear in any of them.
 */
describe.each(dialects)('the log of a full journey on %s', (dialect) => {
  let handle: DatabaseHandle;
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    handle = await testDatabase(dialect);
    const config = testConfig({ logLevel: 'debug' });
    const log = createLogger('debug', {}, (line) => lines.push(line));
    const mailer = createMailer(handle.db, config, log);
    t = { app: createApp({ db: handle.db, config, log, mailer }), handle, db: handle.db, config, mailer, close: () => handle.close() };
  });
  afterAll(() => t.close());

  it('holds no token, e-mail address or password', async () => {
    const secrets: string[] = [STAFF_PASSWORD];
    const submitter = { name: 'Anna Prywatna', email: `anna.prywatna.${dialect}@private.example.org` };
    secrets.push(submitter.email);

    // Map: submission → confirmation link → moderation → the owner's edit link, viewed and saved.
    const sent = await t.app.request('/v1/map/submissions', json({ type: 'create', organisation: ORG, contact: submitter, consent: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(sent.status).toBe(202);
    await t.mailer.flush();
    const confirm = await mailedLink(t, submitter.email, 'confirm');
    secrets.push(confirm.token);
    expect((await t.app.request(confirm.url.pathname + confirm.url.search)).status).toBe(200);
    expect((await t.app.request('/v1/map/submissions/confirm', json({ token: confirm.token }))).status).toBe(200);
    const moderator = await staffSession(t, 'moderator');
    secrets.push(moderator.email);
    const queue = (await (await t.app.request('/v1/admin/map/submissions', { headers: moderator.headers })).json()) as { items: { id: string }[] };
    expect((await t.app.request(`/v1/admin/map/submissions/${queue.items[0]!.id}/approve`, { method: 'POST', headers: moderator.headers })).status).toBe(200);
    await t.mailer.flush();
    const edit = await mailedLink(t, submitter.email, 'edit');
    secrets.push(edit.token);
    const view = await t.app.request('/v1/map/owner/view', json({ token: edit.token }));
    expect(view.status).toBe(200);
    const { organisation } = (await view.json()) as { organisation: typeof ORG };
    const saved = await t.app.request('/v1/map/owner/edit', json({ token: edit.token, organisation: { ...organisation, phone: '+48 12 345 67 89' }, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(saved.status).toBe(202);
    // A wrong token is refused, and its value stays out of the log too.
    const guessed = 'x'.repeat(43);
    secrets.push(guessed);
    expect((await t.app.request('/v1/map/owner/view', json({ token: guessed }))).status).toBe(404);

    // Consultations: a remark that waits for its e-mailed confirmation, then the confirmation.
    const c = await createConsultation(t, { requireConfirmation: true });
    const remark = remarkBody();
    secrets.push(remark.contact.email);
    const posted = await t.app.request(`/v1/consultations/${c.id}/remarks`, json({ ...remark, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(posted.status).toBe(202);
    await t.mailer.flush();
    const remarkLink = await mailedLink(t, remark.contact.email, 'confirm');
    secrets.push(remarkLink.token);
    expect((await t.app.request('/v1/consultations/remarks/confirm', json({ token: remarkLink.token }))).status).toBe(200);
    await t.mailer.flush();

    // The journey was logged (requests and mail), and none of it leaks.
    expect(lines.filter((l) => JSON.parse(l).msg === 'request').length).toBeGreaterThan(10);
    expect(lines.some((l) => JSON.parse(l).msg.startsWith('mail'))).toBe(true);
    // Requests are logged by their route pattern; routes with parameters never with their raw path.
    const approve = lines.map((l) => JSON.parse(l)).find((e) => e.route === '/v1/admin/map/submissions/:id/approve');
    expect(approve).toMatchObject({ method: 'POST', status: 200 });
    expect(approve).not.toHaveProperty('path');
    const log = lines.join('\n');
    for (const s of secrets) expect(log, `the log holds ${s.slice(0, 12)}…`).not.toContain(s);
    expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
  });
});
