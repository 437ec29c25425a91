/**
 * The real API for widget tests: `createApp` on a fresh, migrated SQLite database with the demo
 * seeds and a few fixtures, listening on a free port on 127.0.0.1. web-test-runner proxies `/v1/*`
 * here, so widget tests talk to the same routes, validation and data layer as production.
 * Prints `READY <port>` when it listens.
 */
import { serve } from '@hono/node-server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../api/app.js';
import { testConfig } from '../api/config.js';
import { createLogger } from '../api/core/log.js';
import { migrateToLatest, openDatabase } from '../api/db/database.js';
import { seedsOf } from '../api/core/module.js';
import { MODULES } from '../api/modules.js';
import { runSeeds } from '../api/seed.js';
import { insertOrganisation } from '../api/map/map.repository.js';
import { insertStaff } from '../api/admin/staff.repository.js';
import { saveClause } from '../api/core/clauses.js';
import { insertConsultation, insertRemark } from '../api/consultations/consultations.repository.js';
import { demoLocal } from '../api/consultations/consultations.demo.js';
import { splitDocument } from '../common/consultations.document.js';

const dir = mkdtempSync(join(tmpdir(), 'ngo-wtr-'));
const handle = openDatabase(`sqlite:${join(dir, 'ngo.db')}`);
await migrateToLatest(handle.db);
await runSeeds(handle.db, seedsOf(MODULES));

/** Fixtures the widget tests look for by name. */
const base = { description: '', translations: {}, legalForm: 'stowarzyszenie' as const, krs: null, regon: null, nip: null, targetGroups: [], cityWide: false, address: 'ul. Testowa 1, Kraków', website: 'https://example.org', email: 'kontakt@example.org', phone: '+48 12 000 00 00', languages: ['pl' as const, 'uk' as const], accessibility: ['stepFree' as const] };
const linkedOrg = await insertOrganisation(handle.db, { ...base, name: 'Związek Testowy Widżetów', kind: 'ngo', areas: ['kultura'], districts: [1], location: { lon: 19.9372, lat: 50.0614 } }, { status: 'published', changedBy: 'fixture' });
await insertOrganisation(handle.db, { ...base, name: 'Fundacja <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">', kind: 'ngo', legalForm: 'fundacja', areas: ['kultura'], districts: [1], location: { lon: 19.938, lat: 50.062 }, description: '<b>pogrubienie?</b>' }, { status: 'published', changedBy: 'fixture' });
await insertOrganisation(handle.db, { ...base, name: 'Związek Ukryty Oczekujący', kind: 'ngo', areas: ['kultura'], districts: [1], location: { lon: 19.94, lat: 50.06 } }, { status: 'pending', changedBy: 'fixture' });
// <ngo-consultation> tests: an open consultation for everyone in district V, with post-moderation and no
// confirmation link, so a remark sent from the widget is published at once.
const postModerated = { title: 'Konsultacje testowe widżetu z publikacją od razu', goal: 'Sprawdzenie widżetu.', subject: 'Projekt testowy.', unitName: 'Wydział Testowy', legalBasis: 'Podstawa testowa.', audience: 'all' as const, district: 5, startsLocal: demoLocal(-1, '08:00'), endsLocal: demoLocal(20, '23:59'), moderation: 'post' as const, requireConfirmation: false, attachments: [], informationClause: '', document: '§ 1. Pierwszy przepis testowy.\n\n§ 2. Drugi przepis testowy.' };
await insertConsultation(handle.db, postModerated, splitDocument(postModerated.document), { createdBy: 'fixture', id: 'widget-test-post' });
// A consultation whose one published remark comes from an organisation on the map.
const linked = { ...postModerated, title: 'Konsultacje testowe z uwagą organizacji z mapy', district: 7 };
await insertConsultation(handle.db, linked, splitDocument(linked.document), { createdBy: 'fixture', id: 'widget-test-linked' });
await insertRemark(handle.db, {
  consultationId: 'widget-test-linked', unitId: null, currentWording: '', proposedWording: '', justification: 'Uwaga organizacji obecnej na mapie.', authorType: 'ngo',
  organisationName: 'Związek Testowy Widżetów', krs: null, organisationId: linkedOrg, contactName: 'Osoba Testowa', contactEmail: 'osoba@example.org', lang: 'pl', status: 'published',
});
// An operator's own clause for the map form (the consultations one stays the default).
await saveClause(handle.db, 'map', { pl: 'Klauzula informacyjna operatora testowego.\n\nDrugi akapit.', en: '', uk: '' });
await insertStaff(handle.db, { email: 'moderator@example.org', name: 'Moderator Testowy', role: 'moderator', password: 'widget tests password' });

const app = createApp({ db: handle.db, config: testConfig(), log: createLogger('silent'), modules: MODULES });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`READY ${info.port}\n`);
});
const stop = () => server.close(() => void handle.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
