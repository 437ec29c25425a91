/**
 * The event list as iCalendar (RFC 5545, through ical-generator) and RSS 2.0 (through feed).
 *
 * iCalendar: every event, and every session of a series, is one VEVENT whose UID is its id at the
 * public host, so calendar apps update instead of duplicating. SEQUENCE is bumped on each change
 * and a cancelled event travels as STATUS:CANCELLED. Times are written as Europe/Warsaw wall time
 * with the zone's VTIMEZONE; all-day events as dates, with the exclusive next day as DTEND.
 * Wall times that fall into the spring DST gap were already moved forward by the gap when they
 * were stored (02:30 → 03:30 CEST). A time in the repeated autumn hour is ambiguous as wall time
 * (RFC 5545 §3.3.5 says it means the first occurrence, but node-ical, for one, takes the second),
 * so an event that starts or ends in that hour is written in UTC instead: exact in every reader.
 */
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { Feed } from 'feed';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Lang } from '../../common/taxonomy.js';
import { EVENT_STATUS_LABELS, EVENT_TYPE_LABELS } from '../../common/events.js';
import type { CalendarEvent } from '../../common/events.schema.js';
import { WARSAW as ZONE, repeatedInWarsaw } from '../../common/time.js';


/** Title and description in `lang`, falling back to Polish, the source. */
export function localized(e: Pick<CalendarEvent, 'title' | 'description' | 'translations'>, lang: Lang): { title: string; description: string } {
  const t = lang === 'pl' ? undefined : e.translations[lang];
  return { title: t?.title || e.title, description: t?.description || e.description };
}

export interface FeedOptions {
  /** Calendar name (X-WR-CALNAME) and RSS title. */
  name: string;
  /** PUBLIC_URL, without a trailing slash: the UID host and the base of links. */
  publicUrl: string;
  lang: Lang;
  /** Where a person reads about one event (`{id}` is replaced). */
  eventUrl: (id: string) => string;
  /** Where this feed lives, for RSS's self link. */
  selfUrl?: string;
}

const location = (e: CalendarEvent) => (e.venue ? [e.venue.name, e.venue.address].filter(Boolean).join(', ') : e.onlineUrl ?? '');

/** A stable UID: the event id at the public host. */
export const eventUid = (id: string, publicUrl: string) => `${id}@${new URL(publicUrl).hostname}`;

export function buildIcs(events: readonly CalendarEvent[], o: FeedOptions): string {
  const cal = ical({
    name: o.name,
    prodId: { company: 'WiP NGO widgets', product: 'events', language: o.lang.toUpperCase() },
    // No calendar-wide zone: DTSTAMP and LAST-MODIFIED must stay UTC. The generator still writes
    // a VTIMEZONE for the zone the events use.
    timezone: { name: null, generator: getVtimezoneComponent },
    url: o.selfUrl ?? null,
  });
  cal.x('X-WR-TIMEZONE', ZONE);
  for (const e of events) {
    const { title, description } = localized(e, o.lang);
    const series = e.series ? ` (${e.series.title}, ${e.series.position}/${e.series.sessions})` : '';
    const body = [description, e.onlineUrl && e.venue ? e.onlineUrl : null, e.organiser.name].filter(Boolean).join('\n\n');
    const [start, end] = [Date.parse(e.startsAt), Date.parse(e.endsAt)];
    const utc = !e.allDay && (repeatedInWarsaw(start) || repeatedInWarsaw(end));
    cal.createEvent({
      id: eventUid(e.id, o.publicUrl),
      sequence: e.sequence,
      stamp: new Date(e.updatedAt),
      lastModified: new Date(e.updatedAt),
      start: utc ? new Date(start) : new TZDate(start, ZONE),
      end: utc ? new Date(end) : new TZDate(end, ZONE),
      allDay: e.allDay,
      // All-day events are dates (no TZID is written), but the dates are Warsaw's.
      timezone: utc ? null : ZONE,
      summary: title + series,
      description: body,
      location: e.venue
        ? { title: e.venue.name, ...(e.venue.address ? { address: e.venue.address } : {}), ...(e.venue.point ? { geo: { lat: e.venue.point.lat, lon: e.venue.point.lon } } : {}) }
        : e.onlineUrl,
      url: o.eventUrl(e.id),
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: [{ name: EVENT_TYPE_LABELS[e.type][o.lang] }],
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too.
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

const dateFormat = (lang: Lang) => new Intl.DateTimeFormat(lang, { timeZone: ZONE, dateStyle: 'full', timeStyle: 'short' });
const dayFormat = (lang: Lang) => new Intl.DateTimeFormat(lang, { timeZone: ZONE, dateStyle: 'full' });

/** RSS 2.0: one item per event, newest change first is left to readers; items keep the list's time order. */
export function buildRss(events: readonly CalendarEvent[], o: FeedOptions & { description: string }): string {
  const feed = new Feed({
    title: o.name,
    description: o.description,
    id: o.selfUrl ?? o.publicUrl,
    link: o.publicUrl,
    language: o.lang,
    copyright: '',
    updated: events.length ? new Date(Math.max(...events.map((e) => Date.parse(e.updatedAt)))) : undefined,
    generator: 'WiP NGO widgets',
    ...(o.selfUrl ? { feedLinks: { rss: o.selfUrl } } : {}),
  });
  for (const e of events) {
    const { title, description } = localized(e, o.lang);
    const when = e.allDay ? dayFormat(o.lang).format(new Date(e.startsAt)) : dateFormat(o.lang).format(new Date(e.startsAt));
    const where = location(e);
    feed.addItem({
      title: e.status === 'cancelled' ? `[${EVENT_STATUS_LABELS.cancelled[o.lang].toUpperCase()}] ${title}` : title,
      id: eventUid(e.id, o.publicUrl),
      link: o.eventUrl(e.id),
      date: new Date(e.updatedAt),
      description: [when, where, description].filter(Boolean).join(' · ').slice(0, 1000),
      category: [{ name: EVENT_TYPE_LABELS[e.type][o.lang] }],
    });
  }
  return feed.rss2();
}
