/**
 * Events: vocabularies, limits and the pure rules shared by the API and `<ngo-events>`
 * (registration state, waiting-list offers, the attendance rule). Plain data and functions, no zod.
 */
import { labelTranslator } from './i18n.js';
import type { Labels } from './langs.js';

export const EVENT_TYPES = ['festival', 'forum', 'conference', 'training', 'meeting', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** `pending`: waiting for moderation (or not yet released by staff); only `published` and `cancelled` are ever public. */
export const EVENT_STATUSES = ['pending', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** A series is a training cycle (register once for every session) or a festival programme (slots, each on its own). */
export const SERIES_KINDS = ['cycle', 'programme'] as const;
export type SeriesKind = (typeof SERIES_KINDS)[number];

/** What a venue offers. The slugs are the map's where they mean the same thing. */
export const VENUE_ACCESSIBILITY = ['stepFree', 'inductionLoop', 'pjm', 'accessibleToilet', 'quietRoom'] as const;
export type VenueAccessibility = (typeof VENUE_ACCESSIBILITY)[number];

/** What a registrant may ask for; staff see counts per need before the event. */
export const ACCESS_NEEDS = ['pjm', 'inductionLoop', 'stepFree', 'quietRoom', 'assistant', 'largePrint'] as const;
export type AccessNeed = (typeof ACCESS_NEEDS)[number];

export const EVENT_AUDIENCES = ['ngo', 'officials', 'councillors', 'residents', 'business'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

/**
 * Where registration happens: `none` (no registration, or only an external link), `event` (this
 * event holds the places) or `series` (the series holds the places: one registration for every
 * session, with opt-out per session).
 */
export const REGISTRATION_MODES = ['none', 'event', 'series'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/**
 * Life of a registration: `unconfirmed` (the e-mailed link not yet opened; holds no place) →
 * `confirmed` (holds a place) or `waiting` (on the waiting list). A cancellation frees a place:
 * the first `waiting` person is moved up, straight to `confirmed` when the event is far, or to
 * `offered` (holds the place until `offeredUntil`, must accept by link) when it is near; an offer
 * not accepted in time becomes `expired` and the next person is asked.
 */
export const REGISTRATION_STATUSES = ['unconfirmed', 'confirmed', 'waiting', 'offered', 'cancelled', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Statuses that hold a place (what `places_taken` counts). */
export const HOLDS_PLACE: readonly RegistrationStatus[] = ['confirmed', 'offered'];

export const QUESTION_KINDS = ['text', 'choice', 'multi', 'boolean'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Bounds on one public list read (issue 16): totals count up to `results` ("more than 1,000"), offsets stop at `offset` (page on with `after`). */
export const EVENT_READ_LIMITS = { results: 1000, offset: 1000, qTerms: 6 } as const;

export const EVENT_LIMITS = {
  title: 200, description: 8000, venueName: 200, address: 300, url: 500, organiser: 200, priceNote: 200,
  questions: 10, questionLabel: 300, options: 20, answer: 2000, accessNote: 1000, sessions: 60,
  capacity: 100_000, q: 100, pageSizeMax: 200, reason: 2000, name: 200,
} as const;

/**
 * Waiting-list promotion. When a place frees up less than `offerWithinHours` before the event,
 * the next person gets an offer to accept within `offerHours` (but at most half the time left, and
 * at least `minOfferHours`); further ahead they are confirmed at once.
 */
export const PROMOTION = { offerWithinHours: 72, offerHours: 24, minOfferHours: 2 } as const;

/** Attendance rule default: a certificate needs 80 % of a cycle's sessions. */
export const DEFAULT_ATTENDANCE_PERCENT = 80;

/**
 * How a person moved up from the waiting list is treated, given the time left before the
 * (next) session starts: confirmed at once, or offered until a deadline (ISO instant).
 */
export function promotionFor(startsAt: string, now: Date): { status: 'confirmed' } | { status: 'offered'; offeredUntil: string } {
  const left = Date.parse(startsAt) - now.getTime();
  const h = 3600_000;
  if (left > PROMOTION.offerWithinHours * h) return { status: 'confirmed' };
  const window = Math.max(PROMOTION.minOfferHours * h, Math.min(PROMOTION.offerHours * h, left / 2));
  return { status: 'offered', offeredUntil: new Date(now.getTime() + window).toISOString() };
}

/** Whether registration is open: before the deadline (or, without one, before the start) of an event that is published. */
export function registrationOpen(e: { status: EventStatus; startsAt: string; deadline: string | null }, now: Date): boolean {
  if (e.status !== 'published') return false;
  return now.getTime() < Date.parse(e.deadline ?? e.startsAt);
}

/** Places left, or null when the capacity is unlimited. Never negative (staff may lower a capacity below the places taken). */
export const placesLeft = (capacity: number | null, taken: number): number | null => (capacity === null ? null : Math.max(0, capacity - taken));

/**
 * The attendance rule of a cycle: `attended` of `held` sessions (cancelled ones do not count)
 * meets `percent` when attended/held ≥ percent/100. A cycle with no session held meets nothing.
 */
export function meetsAttendanceRule(attended: number, held: number, percent: number): boolean {
  if (held <= 0) return false;
  // Integer arithmetic: 4 of 5 at 80 % is exactly met, with no floating-point doubt.
  return attended * 100 >= percent * held;
}

export const EVENT_TYPE_LABELS: Record<EventType, Labels> = {
  festival: { pl: 'Święto NGO', en: 'NGO Festival', uk: 'Свято НУО' },
  forum: { pl: 'Forum', en: 'Forum', uk: 'Форум' },
  conference: { pl: 'Konferencja', en: 'Conference', uk: 'Конференція' },
  training: { pl: 'Szkolenie', en: 'Training', uk: 'Навчання' },
  meeting: { pl: 'Spotkanie', en: 'Meeting', uk: 'Зустріч' },
  other: { pl: 'Inne', en: 'Other', uk: 'Інше' },
};

export const EVENT_STATUS_LABELS: Record<EventStatus, Labels> = {
  pending: { pl: 'Czeka na publikację', en: 'Awaiting publication', uk: 'Очікує на публікацію' },
  published: { pl: 'Opublikowane', en: 'Published', uk: 'Опубліковано' },
  cancelled: { pl: 'Odwołane', en: 'Cancelled', uk: 'Скасовано' },
};

export const VENUE_ACCESSIBILITY_LABELS: Record<VenueAccessibility, Labels> = {
  stepFree: { pl: 'Dostęp bez schodów', en: 'Step-free access', uk: 'Доступ без сходів' },
  inductionLoop: { pl: 'Pętla indukcyjna', en: 'Induction loop', uk: 'Індукційна петля' },
  pjm: { pl: 'Tłumacz PJM', en: 'Polish Sign Language interpreter', uk: 'Перекладач польської жестової мови' },
  accessibleToilet: { pl: 'Toaleta dostępna', en: 'Accessible toilet', uk: 'Доступний туалет' },
  quietRoom: { pl: 'Pokój wyciszenia', en: 'Quiet room', uk: 'Тиха кімната' },
};

export const ACCESS_NEED_LABELS: Record<AccessNeed, Labels> = {
  pjm: { pl: 'Tłumacz PJM', en: 'Polish Sign Language interpreter', uk: 'Перекладач польської жестової мови' },
  inductionLoop: { pl: 'Pętla indukcyjna', en: 'Induction loop', uk: 'Індукційна петля' },
  stepFree: { pl: 'Dostęp bez schodów (wózek)', en: 'Step-free access (wheelchair)', uk: 'Доступ без сходів (візок)' },
  quietRoom: { pl: 'Pokój wyciszenia', en: 'Quiet room', uk: 'Тиха кімната' },
  assistant: { pl: 'Osoba asystująca', en: 'Accompanying assistant', uk: 'Супровідна особа' },
  largePrint: { pl: 'Materiały w dużym druku', en: 'Large-print materials', uk: 'Матеріали великим шрифтом' },
};

/** Access needs on the translator core (common/i18n.ts), for the attendee export. */
export const tAccessNeed = /* @__PURE__ */ labelTranslator(ACCESS_NEED_LABELS);

export const EVENT_AUDIENCE_LABELS: Record<EventAudience, Labels> = {
  ngo: { pl: 'Organizacje pozarządowe', en: 'NGOs', uk: 'Неурядові організації' },
  officials: { pl: 'Urzędnicy', en: 'City staff', uk: 'Службовці' },
  councillors: { pl: 'Radni', en: 'Councillors', uk: 'Депутати' },
  residents: { pl: 'Mieszkańcy', en: 'Residents', uk: 'Мешканці' },
  business: { pl: 'Biznes', en: 'Business', uk: 'Бізнес' },
};
