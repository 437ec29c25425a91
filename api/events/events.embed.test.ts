import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventInput } from '../../common/events.schema.js';
import { utcToWarsawLocal } from '../../common/time.js';
import { dialects, expectError, testApp, type TestApp } from '../testing.js';
import { insertEvent } from './events.repository.js';

const local = (ms: number) => utcToWarsawLocal(new Date(ms).toISOString());
const DAY = 86_400_000;

/** The JSON-LD blocks of a page, parsed. */
const jsonLdOf = (page: string) => [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

describe.each(dialects)('/embed/events/<id> (%s)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(dialect, { publicUrl: 'https://ngo.example.org' });
  });
  afterEach(() => t.close());

  it('opens the event in the widget and carries it as schema.org Event JSON-LD, in the page language', async () => {
    const start = Math.floor((Date.now() + 10 * DAY) / 3600_000) * 3600_000;
    const id = await insertEvent(t.db, EventInput.parse({
      title: 'Forum NGO w Podgórzu', type: 'forum', start: local(start), end: local(start + 3 * 3600_000), organiser: { name: 'Fundacja Łączka' },
      translations: { uk: { title: 'Форум НУО в Подґужі' } }, venue: { name: 'Dom Kultury', address: 'ul. Krakusa 7', district: 13, accessibility: ['stepFree'] },
      onlineUrl: 'https://meet.example.org/forum', registrationMode: 'event', registration: { capacity: 40 },
    }));
    const res = await t.app.request(`/embed/events/${id}?lang=uk`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    const page = await res.text();
    expect(page).toContain(`<ngo-events lang="uk" event="${id}"></ngo-events>`);
    expect(page).toContain('<title>Форум НУО в Подґужі</title>');
    const [ld] = jsonLdOf(page);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org', '@type': 'Event', name: 'Форум НУО в Подґужі', url: `https://ngo.example.org/embed/events/${id}?lang=uk`,
      eventStatus: 'https://schema.org/EventScheduled', eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      organizer: { '@type': 'Organization', name: 'Fundacja Łączka' }, isAccessibleForFree: true, maximumAttendeeCapacity: 40, remainingAttendeeCapacity: 40,
    });
    // Warsaw wall time with its offset: the same instant as stored.
    expect(Date.parse(ld!.startDate as string)).toBe(start);
    expect(ld!.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$/);
    expect(ld!.location).toEqual([
      { '@type': 'Place', name: 'Dom Kultury', address: { '@type': 'PostalAddress', streetAddress: 'ul. Krakusa 7', addressLocality: 'Kraków', addressRegion: 'Podgórze', addressCountry: 'PL' }, amenityFeature: [{ '@type': 'LocationFeatureSpecification', name: 'stepFree', value: true }] },
      { '@type': 'VirtualLocation', url: 'https://meet.example.org/forum' },
    ]);
  });

  it('escapes what the data says, so no title can end the JSON-LD block or the attribute', async () => {
    const start = Math.floor((Date.now() + 3 * DAY) / 3600_000) * 3600_000;
    const title = 'Spotkanie </script><script>alert(1)</script> & "cytat"';
    const id = await insertEvent(t.db, EventInput.parse({ title, type: 'meeting', allDay: true, start: local(start).slice(0, 10), end: local(start + DAY).slice(0, 10), organiser: { name: 'Koło <b>' }, venue: { name: 'Sala' }, status: 'cancelled' }));
    const page = await (await t.app.request(`/embed/events/${id}`)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page.match(/<\/script>/g)).toHaveLength(3); // the loader, the JSON-LD, the resize reporter
    const [ld] = jsonLdOf(page);
    expect(ld).toMatchObject({ name: title, eventStatus: 'https://schema.org/EventCancelled', organizer: { name: 'Koło <b>' }, startDate: local(start).slice(0, 10), endDate: local(start + DAY).slice(0, 10) });
  });

  it('is a 404 for an event that is not public, and for a module without item pages', async () => {
    const start = Date.now() + 5 * DAY;
    const pending = await insertEvent(t.db, EventInput.parse({ title: 'Jeszcze nie', type: 'meeting', start: local(start), end: local(start + 3600_000), organiser: { name: 'Fundacja' }, venue: { name: 'Sala' }, status: 'pending' }));
    await expectError(await t.app.request(`/embed/events/${pending}`), 404, 'not_found');
    await expectError(await t.app.request('/embed/events/nope'), 404, 'not_found');
    await expectError(await t.app.request('/embed/map/anything'), 404, 'not_found');
  });
});
