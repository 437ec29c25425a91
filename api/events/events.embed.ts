/**
 * `/embed/events/<id>`: one event's own page (the manifest's `embedItem`), the link the mails and
 * the feeds give. It opens `<ngo-events event="<id>">` and carries the event as schema.org `Event`
 * JSON-LD, so search engines show its date, place and status.
 */
import type { Context } from 'hono';
import { DISTRICTS, LANGS, type Lang } from '../../common/taxonomy.js';
import type { CalendarEvent } from '../../common/events.schema.js';
import { addDays, warsawDateOf, warsawIso } from '../../common/time.js';
import type { AppEnv } from '../core/context.js';
import type { EmbedItem } from '../core/module.js';
import { localized } from './events.feeds.js';
import { eventPageUrl } from './events.mail.js';
import { PUBLIC_STATUSES, findEventRow } from './events.repository.js';
import { calendarEvents } from './events.service.js';

/** The schema.org `Event` of a calendar event, in `lang` (its translation, else Polish). */
export function eventJsonLd(e: CalendarEvent, o: { lang: Lang; url: string }): Record<string, unknown> {
  const { title, description } = localized(e, o.lang);
  const district = e.venue?.district ? DISTRICTS.find((d) => d.id === e.venue!.district) : undefined;
  const place = e.venue && {
    '@type': 'Place',
    name: e.venue.name,
    address: { '@type': 'PostalAddress', ...(e.venue.address ? { streetAddress: e.venue.address } : {}), addressLocality: 'Kraków', ...(district ? { addressRegion: district.name } : {}), addressCountry: 'PL' },
    ...(e.venue.point ? { geo: { '@type': 'GeoCoordinates', latitude: e.venue.point.lat, longitude: e.venue.point.lon } } : {}),
    ...(e.venue.accessibility.length ? { amenityFeature: e.venue.accessibility.map((a) => ({ '@type': 'LocationFeatureSpecification', name: a, value: true })) } : {}),
  };
  const online = e.onlineUrl ? { '@type': 'VirtualLocation', url: e.onlineUrl } : null;
  const r = e.registration;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': o.url,
    url: o.url,
    name: title,
    ...(description ? { description } : {}),
    // All-day events by their dates (the last one inclusive); others with Warsaw's offset.
    startDate: e.allDay ? warsawDateOf(e.startsAt) : warsawIso(e.startsAt),
    endDate: e.allDay ? addDays(warsawDateOf(e.endsAt), -1) : warsawIso(e.endsAt),
    eventStatus: e.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: `https://schema.org/${place && online ? 'Mixed' : online ? 'Online' : 'Offline'}EventAttendanceMode`,
    location: [place, online].filter(Boolean),
    organizer: { '@type': 'Organization', name: e.organiser.name },
    inLanguage: e.languages,
    isAccessibleForFree: e.free,
    ...(e.free ? { offers: { '@type': 'Offer', price: 0, priceCurrency: 'PLN', url: o.url, availability: `https://schema.org/${r.mode !== 'none' && r.placesLeft === 0 ? 'SoldOut' : 'InStock'}` } } : {}),
    ...(r.capacity !== null ? { maximumAttendeeCapacity: r.capacity } : {}),
    ...(r.placesLeft !== null ? { remainingAttendeeCapacity: r.placesLeft } : {}),
    ...(e.series ? { superEvent: { '@type': 'EventSeries', name: e.series.title } } : {}),
  };
}

/** The embed item of a public event (published or cancelled); null for any other id. */
export async function eventEmbedItem(c: Context<AppEnv>, id: string): Promise<EmbedItem | null> {
  const row = await findEventRow(c.var.db, id);
  if (!row || !PUBLIC_STATUSES.includes(row.status)) return null;
  const [event] = await calendarEvents(c.var.db, [row]);
  const q = c.req.query('lang');
  const lang: Lang = (LANGS as readonly string[]).includes(q ?? '') ? (q as Lang) : 'pl';
  const url = eventPageUrl(c.var.config, id, lang);
  return { title: localized(event!, lang).title, attributes: { event: id }, jsonLd: eventJsonLd(event!, { lang, url }) };
}
