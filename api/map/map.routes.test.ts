import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { parse as parseCsv } from 'csv-parse/sync';
import { dialects, expectError, freshIp, json, mailedLink, staffSession, testApp, type StaffSession, type TestApp } from '../testing.js';
import { solvedAbuse } from '../core/abuse.testing.js';
import { expectWrittenOnce } from '../core/idempotency.testing.js';
import type { OrganisationInput } from '../../common/map.schema.js';
import { insertOrganisation } from './map.repository.js';
import { organisationInput as org } from './map.testing.js';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe.each(dialects)('map API on %s', (dialect) => {
  let t: TestApp;
  let mod: StaffSession['headers'];
  let adviser: StaffSession['headers'];
  let editor12: StaffSession['headers'];
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    const put = async (key: string, input: OrganisationInput, status: 'published' | 'pending' | 'archived' | 'rejected' = 'published') => {
      ids[key] = await insertOrganisation(t.db, input, { status, changedBy: 'test' });
    };
    await put('zwiazek', org({ name: 'Związek Harcerstwa Polskiego – Hufiec Kraków', areas: ['dzieci-mlodziez', 'edukacja'], districts: [3], location: { lon: 19.97, lat: 50.09 }, accessibility: ['stepFree'], krs: '0000123456' }));
    await put('laka', org({ name: 'Fundacja Łąka', legalForm: 'fundacja', areas: ['ekologia-zwierzeta'], districts: [12], location: { lon: 20.01, lat: 50.02 } }));
    await put('citywide', org({ name: 'Grupa Sąsiedzka Całe Miasto', kind: 'informal_group', legalForm: null, cityWide: true, districts: [], location: null, areas: ['wspolnoty-lokalne'] }));
    await put('sport', org({ name: 'Klub Sportowy Wisełka', legalForm: 'klub-sportowy', kind: 'ngo', areas: ['sport'], districts: [12, 13], location: { lon: 19.99, lat: 50.03 }, accessibility: ['stepFree', 'inductionLoop'] }));
    await put('xss', org({ name: `Fundacja ${XSS}`, description: `=HYPERLINK("http://evil")${XSS}`, address: '@SUM(1+1)', areas: ['kultura'] }));
    await put('pending', org({ name: 'Związek Ukryty Oczekujący' }), 'pending');
    await put('rejected', org({ name: 'Związek Odrzucony' }), 'rejected');
    await put('archived', org({ name: 'Związek Archiwalny' }), 'archived');
    mod = (await staffSession(t, 'moderator')).headers;
    adviser = (await staffSession(t, 'adviser')).headers;
    editor12 = (await staffSession(t, 'editor', { district: 12 })).headers;
  });
  afterAll(() => t.close());

  const names = async (query: string) => {
    const res = await t.app.request(`/v1/map/organisations?${query}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { name: string }[]; total: number };
    return body.items.map((i) => i.name).sort();
  };

  it('finds "Związek" with q=zwiazek, folding diacritics and matching prefixes', async () => {
    expect(await names('q=zwiazek')).toEqual(['Związek Harcerstwa Polskiego – Hufiec Kraków']);
    expect(await names('q=ZWIĄZ')).toEqual(['Związek Harcerstwa Polskiego – Hufiec Kraków']);
    expect(await names('q=lak')).toEqual(['Fundacja Łąka']);
    expect(await names('q=hufiec%20krak')).toEqual(['Związek Harcerstwa Polskiego – Hufiec Kraków']);
    expect(await names('q=hufiec%20warszawa')).toEqual([]);
    expect(await names('q=0000123456')).toEqual(['Związek Harcerstwa Polskiego – Hufiec Kraków']);
  });

  it('filters by district (city-wide entries count in every district), area, kind, bbox and accessibility', async () => {
    expect(await names('district=12')).toEqual(['Fundacja Łąka', 'Grupa Sąsiedzka Całe Miasto', 'Klub Sportowy Wisełka']);
    expect(await names('district=3,13')).toEqual(['Grupa Sąsiedzka Całe Miasto', 'Klub Sportowy Wisełka', 'Związek Harcerstwa Polskiego – Hufiec Kraków']);
    expect(await names('area=sport,ekologia-zwierzeta')).toEqual(['Fundacja Łąka', 'Klub Sportowy Wisełka']);
    expect(await names('kind=informal_group')).toEqual(['Grupa Sąsiedzka Całe Miasto']);
    expect(await names('accessible=true')).toEqual(['Klub Sportowy Wisełka', 'Związek Harcerstwa Polskiego – Hufiec Kraków']);
    expect(await names('bbox=19.98,50.0,20.05,50.04')).toEqual(['Fundacja Łąka', 'Klub Sportowy Wisełka']);
    expect(await names('district=12&area=sport&accessible=1')).toEqual(['Klub Sportowy Wisełka']);
  });

  it('pages with a total', async () => {
    const res = await t.app.request('/v1/map/organisations?pageSize=2&page=2');
    const body = (await res.json()) as { items: { name: string }[]; total: number; page: number };
    expect(body.total).toBe(5);
    expect(body.page).toBe(2);
    expect(body.items.map((i) => i.name)).toEqual(['Grupa Sąsiedzka Całe Miasto', 'Klub Sportowy Wisełka']);
  });

  it('rejects bad filters with 422 and field issues', async () => {
    const res = await t.app.request('/v1/map/organisations?district=19&area=nope&bbox=1,2');
    const { details } = await expectError(res, 422, 'validation_failed');
    expect(details!.issues!.map((i) => i.path.split('.')[0])).toEqual(expect.arrayContaining(['district', 'area', 'bbox']));
  });

  it('never serves pending, rejected or archived entries, by any endpoint or export', async () => {
    const hidden = ['pending', 'rejected', 'archived'];
    const all = JSON.stringify(await (await t.app.request('/v1/map/organisations?pageSize=200')).json());
    const geo = await (await t.app.request('/v1/map/organisations?format=geojson')).text();
    const csv = await (await t.app.request('/v1/map/organisations?format=csv')).text();
    const clusters = await (await t.app.request('/v1/map/clusters?zoom=13')).text();
    for (const key of hidden) {
      for (const out of [all, geo, csv, clusters]) expect(out).not.toContain(ids[key]);
      expect((await t.app.request(`/v1/map/organisations/${ids[key]}`)).status).toBe(404);
    }
    for (const out of [all, geo, csv]) expect(out).not.toMatch(/Ukryty|Odrzucony|Archiwalny/);
    expect((await t.app.request(`/v1/map/organisations/${ids.laka}`)).status).toBe(200);
  });

  it('exports valid RFC 7946 GeoJSON with lon/lat order, exactly the filtered set', async () => {
    const res = await t.app.request('/v1/map/organisations?format=geojson&district=12');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const text = await res.text();
    const fc = checkGeoJson(text) as unknown as { features: { id: string; geometry: { coordinates: number[] } | null; properties: { name: string } }[] };
    expect(fc.features.map((f) => f.properties.name).sort()).toEqual(['Fundacja Łąka', 'Grupa Sąsiedzka Całe Miasto', 'Klub Sportowy Wisełka']);
    const laka = fc.features.find((f) => f.id === ids.laka)!;
    expect(laka.geometry!.coordinates).toEqual([20.01, 50.02]);
    expect(fc.features.find((f) => f.id === ids.citywide)!.geometry).toBeNull();
  });

  it('exports CSV with a BOM that round-trips with Polish letters and neutralised formulas', async () => {
    const res = await t.app.request('/v1/map/organisations?format=csv&lang=pl');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const buf = new Uint8Array(await res.arrayBuffer());
    expect([...buf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(buf.slice(3)), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    const laka = rows.find((r) => r.Identyfikator === ids.laka)!;
    expect(laka.Nazwa).toBe('Fundacja Łąka');
    expect(laka['Obszary działania']).toBe('Ekologia, ochrona zwierząt i dziedzictwa przyrodniczego');
    expect(laka['Długość geogr.']).toBe('20.01');
    const xss = rows.find((r) => r.Identyfikator === ids.xss)!;
    expect(xss.Nazwa).toBe(`Fundacja ${XSS}`);
    expect(xss.Opis!.startsWith("'=")).toBe(true);
    expect(xss.Adres).toBe("'@SUM(1+1)");
  });

  it('serves one entry, keeping script and HTML as plain text', async () => {
    const res = await t.app.request(`/v1/map/organisations/${ids.xss}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { name: string; location: unknown };
    expect(body.name).toBe(`Fundacja ${XSS}`);
    expect(body).not.toHaveProperty('ownerEmail');
  });

  it('answers 304 to a matching If-None-Match and changes the ETag when data changes', async () => {
    const first = await t.app.request('/v1/map/organisations?district=12');
    const etag = first.headers.get('etag')!;
    const before = ((await first.json()) as { total: number }).total;
    // A repeat without If-None-Match comes from the in-process body cache and must be identical.
    expect(((await (await t.app.request('/v1/map/organisations?district=12')).json()) as { total: number }).total).toBe(before);
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toMatch(/public/);
    const again = await t.app.request('/v1/map/organisations?district=12', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await insertOrganisation(t.db, org({ name: 'Nowa Fundacja Etag', districts: [12] }), { status: 'published', changedBy: 'test' });
    const changed = await t.app.request('/v1/map/organisations?district=12', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    // …and the cached body was not served for the new version.
    expect(((await changed.json()) as { total: number }).total).toBe(before + 1);
  });

  it('returns taxonomy with pl, en and uk labels', async () => {
    const res = await t.app.request('/v1/map/taxonomy');
    expect(res.status).toBe(200);
    const tax = (await res.json()) as { districts: unknown[]; areas: { slug: string; labels: Record<string, string> }[]; kinds: { slug: string }[] };
    expect(tax.districts).toHaveLength(18);
    expect(tax.kinds.map((k) => k.slug)).toEqual(['ngo', 'informal_group', 'civic_initiative', 'city_unit']);
    for (const a of tax.areas) for (const l of ['pl', 'en', 'uk']) expect(a.labels[l], `${a.slug}.${l}`).toMatch(/\S/);
  });

  it('clusters points for a viewport and zooms clusters apart', async () => {
    const far = await t.app.request('/v1/map/clusters?zoom=3');
    const body = (await far.json()) as { clusters: number[][]; points: unknown[][]; total: number };
    expect(body.total).toBe(5); // the city-wide entry without a pin is not on the map
    expect(body.clusters.reduce((s, c) => s + c[2]!, 0) + body.points.length).toBe(5);
    expect(body.clusters.length).toBeGreaterThan(0);
    const zoomRes = await t.app.request(`/v1/map/clusters/${body.clusters[0]![3]}/zoom`);
    expect(zoomRes.status).toBe(200);
    const near = (await (await t.app.request('/v1/map/clusters?zoom=18&bbox=20.005,50.015,20.015,50.025')).json()) as { clusters: unknown[]; points: [number, number, string, string, string][] };
    expect(near.clusters).toEqual([]);
    expect(near.points.find((p) => p[2] === ids.laka)).toEqual([20.01, 50.02, ids.laka, 'Fundacja Łąka', 'ngo']);
  });

  it('bounds the work of a read: the viewport at high zoom, the words of a search, the depth of the pages', async () => {
    const city = await t.app.request('/v1/map/clusters?zoom=18');
    expect((await expectError(city, 422, 'validation_failed')).details!.issues!.map((i) => i.path)).toEqual(['bbox']);
    expect((await t.app.request('/v1/map/clusters?zoom=12')).status).toBe(200);

    const words = await t.app.request(`/v1/map/organisations?q=${encodeURIComponent('a b c d e f g')}`);
    expect((await expectError(words, 422, 'validation_failed')).details!.issues!.map((i) => i.path)).toEqual(['q']);
    expect((await t.app.request(`/v1/map/organisations?q=${encodeURIComponent('a b c d e f')}`)).status).toBe(200);

    // A cacheable read takes only its own parameters: a cache buster is a 422 naming it, not a fresh cache key.
    for (const path of ['/v1/map/organisations?district=12&_=123', '/v1/map/clusters?zoom=12&_=123', `/v1/map/organisations/${ids.laka}?_=123`, '/v1/map/taxonomy?_=123']) {
      const unknown = await t.app.request(path);
      expect((await expectError(unknown, 422, 'validation_failed')).details!.issues, path).toEqual([expect.objectContaining({ path: '_', code: 'unknown_field' })]);
    }

    const deep = await t.app.request('/v1/map/organisations?page=21&pageSize=50');
    expect((await expectError(deep, 422, 'validation_failed')).details!.issues!.map((i) => i.path)).toEqual(['page']);
    const last = await t.app.request('/v1/map/organisations?page=20&pageSize=50');
    expect(last.status).toBe(200);
    const { total } = (await (await t.app.request('/v1/map/organisations')).json()) as { total: number };
    expect(await last.json()).toMatchObject({ items: [], total, totalCapped: false, page: 20 });
  });

  it('gives a filtered list the same total on every page, past the end included', async () => {
    // A filter small enough to drive the read counts its matches in the page's own query; past the end there is no row to carry it.
    const first = (await (await t.app.request('/v1/map/organisations?district=12&pageSize=2')).json()) as { items: unknown[]; total: number; totalCapped: boolean };
    expect(first.total).toBeGreaterThan(2);
    const pages = Math.ceil(first.total / 2);
    const seen: unknown[] = [];
    for (let page = 1; page <= pages + 1; page++) {
      const body = (await (await t.app.request(`/v1/map/organisations?district=12&pageSize=2&page=${page}`)).json()) as typeof first;
      expect({ total: body.total, totalCapped: body.totalCapped }, `page ${page}`).toEqual({ total: first.total, totalCapped: false });
      seen.push(...body.items);
    }
    expect(seen).toHaveLength(first.total);
  });

  it('takes a new organisation through confirmation and moderation, then lets the owner edit it', async () => {
    const contact = { name: 'Anna Nowak', email: `anna.${dialect}@example.org` };
    const input = org({ name: 'Stowarzyszenie Zgłoszone Przez Formularz', districts: [12], krs: '0000123456' });
    const res = await t.app.request('/v1/map/submissions', json({ type: 'create', organisation: input, contact, consent: true, lang: 'uk', abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect(await names('q=zgloszone')).toEqual([]);
    const { token, mail } = await mailedLink(t, contact.email, 'confirm');
    expect(mail.subject).toContain('Підтвердьте');

    const queueBefore = (await (await t.app.request('/v1/admin/map/submissions', { headers: mod })).json()) as { items: { id: string }[] };
    expect(queueBefore.items.map((i) => i.id)).not.toContain(id);

    const confirm = await t.app.request('/v1/map/submissions/confirm', json({ token }));
    expect(confirm.status).toBe(200);
    expect(((await confirm.json()) as { status: string }).status).toBe('pending');
    await expectError(await t.app.request('/v1/map/submissions/confirm', json({ token })), 404, 'link_invalid');

    const queue = (await (await t.app.request('/v1/admin/map/submissions', { headers: mod })).json()) as { items: { id: string; diff: { field: string }[]; duplicates: { id: string; reasons: string[] }[] }[] };
    const item = queue.items.find((i) => i.id === id)!;
    expect(item.diff.map((d) => d.field)).toContain('name');
    expect(item.duplicates.find((d) => d.id === ids.zwiazek)?.reasons).toContain('same_krs');
    expect(await names('q=zgloszone')).toEqual([]);

    const approve = await t.app.request(`/v1/admin/map/submissions/${id}/approve`, { method: 'POST', headers: mod });
    expect(approve.status).toBe(200);
    const { organisationId } = (await approve.json()) as { organisationId: string };
    expect(await names('q=zgloszone')).toEqual(['Stowarzyszenie Zgłoszone Przez Formularz']);

    const edit = await mailedLink(t, contact.email, 'edit');
    const owner = await t.app.request('/v1/map/owner/view', json({ token: edit.token }));
    expect(owner.status).toBe(200);
    const view = (await owner.json()) as { organisation: OrganisationInput };
    expect(view.organisation.name).toBe('Stowarzyszenie Zgłoszone Przez Formularz');
    const unchanged = await t.app.request('/v1/map/owner/edit', json({ token: edit.token, organisation: view.organisation, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(((await unchanged.json()) as { status: string }).status).toBe('verified');
    const changed = await t.app.request('/v1/map/owner/edit', json({ token: edit.token, organisation: { ...view.organisation, phone: '+48 12 345 67 89' }, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(changed.status).toBe(202);
    expect(((await changed.json()) as { status: string }).status).toBe('pending');
    const detail = (await (await t.app.request(`/v1/map/organisations/${organisationId}`)).json()) as { phone: string | null };
    expect(detail.phone).toBeNull();

    const staffView = (await (await t.app.request(`/v1/admin/map/organisations/${organisationId}`, { headers: mod })).json()) as { versions: unknown[]; ownerEmail: string };
    expect(staffView.ownerEmail).toBe(contact.email);
    expect(staffView.versions.length).toBeGreaterThanOrEqual(2);
  });

  it('stores a submission with its Idempotency-Key in one transaction (crash, late retry, double submit)', async () => {
    const count = async () => Number((await t.db.selectFrom('organisation_submission').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    let n = 0;
    await expectWrittenOnce(t, {
      path: '/v1/map/submissions',
      status: 202,
      count,
      body: async () => ({ type: 'create', organisation: org({ name: `Fundacja Raz Zapisana ${++n}` }), contact: { name: 'Jan', email: `raz.${n}.${dialect}@example.org` }, consent: true, abuse: await solvedAbuse(t.app) }),
    });
  });

  it('rejects with a reason mailed to the submitter, and the entry stays hidden', async () => {
    const contact = { name: 'Jan Kowalski', email: `jan.${dialect}@example.org` };
    const res = await t.app.request('/v1/map/submissions', json({ type: 'create', organisation: org({ name: 'Fundacja Do Odrzucenia' }), contact, consent: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    const { id } = (await res.json()) as { id: string };
    const { token } = await mailedLink(t, contact.email, 'confirm');
    await t.app.request('/v1/map/submissions/confirm', json({ token }));
    const reject = await t.app.request(`/v1/admin/map/submissions/${id}/reject`, json({ reason: 'Brak związku z Krakowem.' }, mod));
    expect(reject.status).toBe(200);
    const mail = await t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', contact.email).where('template', '=', 'map.rejected').executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('Brak związku z Krakowem.');
    expect(await names('q=odrzucenia')).toEqual([]);
  });

  it('accepts a correction to a published entry only through moderation', async () => {
    const res = await t.app.request('/v1/map/submissions', json({ type: 'correction', organisationId: ids.laka, organisation: org({ name: 'Fundacja Łąka', legalForm: 'fundacja', areas: ['ekologia-zwierzeta'], districts: [12], phone: '+48 600 000 000', location: { lon: 20.01, lat: 50.02 } }), contact: { name: 'Ewa', email: 'ewa@example.org' }, consent: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(res.status).toBe(202);
    const missing = await t.app.request('/v1/map/submissions', json({ type: 'correction', organisationId: ids.pending, organisation: org(), contact: { name: 'Ewa', email: 'ewa@example.org' }, consent: true, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    expect(missing.status).toBe(404);
  });

  it('validates submissions field by field: identifiers, point inside Kraków, consent', async () => {
    const res = await t.app.request('/v1/map/submissions', json({ type: 'create', organisation: org({ krs: '12', regon: '123456786', nip: '1234567890', location: { lon: 21.0, lat: 52.2 }, districts: [] }), contact: { name: 'A', email: 'not-an-email' }, consent: false, abuse: await solvedAbuse(t.app) }, { 'x-forwarded-for': freshIp() }));
    const paths = (await expectError(res, 422, 'validation_failed')).details!.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['organisation.krs', 'organisation.regon', 'organisation.nip', 'organisation.location', 'organisation.districts', 'contact.name', 'contact.email', 'consent']));
  });

  it('refuses anonymous writes without a solved challenge', async () => {
    const res = await t.app.request('/v1/map/submissions', json({ type: 'create', organisation: org(), contact: { name: 'Bot', email: 'bot@example.org' }, consent: true, abuse: { altcha: 'bm9wZQ==', website: '' } }, { 'x-forwarded-for': freshIp() }));
    await expectError(res, 422, 'challenge_failed');
  });

  it('lets staff edit an entry and change or keep its owner, as a new version', async () => {
    const view = async () => (await (await t.app.request(`/v1/admin/map/organisations/${ids.laka}`, { headers: mod })).json()) as { ownerEmail: string | null; version: number; phone: string | null };
    const before = await view();
    const input = org({ name: 'Fundacja Łąka', legalForm: 'fundacja', areas: ['ekologia-zwierzeta'], districts: [12], location: { lon: 20.01, lat: 50.02 }, phone: '+48 12 111 22 33' });
    const put = (body: unknown) => t.app.request(`/v1/admin/map/organisations/${ids.laka}`, json(body, mod, 'PUT'));
    expect((await put({ ...input, ownerEmail: 'Nowy.Wlasciciel@example.org' })).status).toBe(200);
    const after = await view();
    expect([after.ownerEmail, after.phone, after.version]).toEqual(['nowy.wlasciciel@example.org', '+48 12 111 22 33', before.version + 1]);
    expect((await put(input)).status).toBe(200);
    expect((await view()).ownerEmail).toBe('nowy.wlasciciel@example.org');
    expect((await put({ ...input, ownerEmail: 'not an e-mail' })).status).toBe(422);
    const pub = (await (await t.app.request(`/v1/map/organisations/${ids.laka}`)).json()) as Record<string, unknown>;
    expect(pub.phone).toBe('+48 12 111 22 33');
    expect(JSON.stringify(pub)).not.toContain('wlasciciel');
  });

  it('keeps other roles and other districts out of the map staff section', async () => {
    await expectError(await t.app.request('/v1/admin/map/submissions'), 401, 'unauthorized');
    await expectError(await t.app.request('/v1/admin/map/submissions', { headers: adviser }), 403, 'forbidden');
    await expectError(await t.app.request(`/v1/admin/map/organisations/${ids.zwiazek}/archive`, { method: 'POST', headers: editor12 }), 403, 'forbidden');
    const archive = await t.app.request(`/v1/admin/map/organisations/${ids.sport}/archive`, { method: 'POST', headers: editor12 });
    expect(archive.status).toBe(200);
    expect((await t.app.request(`/v1/map/organisations/${ids.sport}`)).status).toBe(404);
    expect((await t.app.request(`/v1/admin/map/organisations/${ids.sport}/publish`, { method: 'POST', headers: editor12 })).status).toBe(200);
    expect((await t.app.request(`/v1/map/organisations/${ids.sport}`)).status).toBe(200);
  });
});
