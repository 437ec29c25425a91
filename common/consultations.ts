/**
 * Consultations: vocabularies, limits and the pure rules shared by the API and the widgets
 * (status from the clock, Warsaw local time ↔ UTC). Plain data and functions, no zod.
 */
import type { Labels } from './taxonomy.js';

export const CONSULTATION_STATUSES = ['planned', 'open', 'closed', 'reported'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const AUDIENCES = ['ngo', 'all'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const MODERATION_MODES = ['pre', 'post'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

export const AUTHOR_TYPES = ['ngo', 'informal_group', 'resident', 'district_council', 'institution'] as const;
export type AuthorType = (typeof AUTHOR_TYPES)[number];
/** Author types that speak for an organisation (and so must name it). */
export const ORGANISATION_AUTHORS: readonly AuthorType[] = ['ngo', 'informal_group', 'district_council', 'institution'];
/** Who may remark when a consultation is for NGOs only. */
export const NGO_AUDIENCE_AUTHORS: readonly AuthorType[] = ['ngo', 'informal_group'];

export const DECISIONS = ['accepted', 'partly_accepted', 'not_accepted', 'out_of_scope'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * Life of a remark: `unconfirmed` (waiting for the author's e-mail link, when the consultation
 * asks for it) → `pending` (waiting for moderation, under pre-moderation) → `published`; or
 * `rejected` by a moderator (spam, abuse). Only `published` remarks are ever public.
 */
export const REMARK_STATUSES = ['unconfirmed', 'pending', 'published', 'rejected'] as const;
export type RemarkStatus = (typeof REMARK_STATUSES)[number];

export const AUTHOR_TYPE_LABELS: Record<AuthorType, Labels> = {
  ngo: { pl: 'Organizacja pozarządowa', en: 'NGO', uk: 'Неурядова організація' },
  informal_group: { pl: 'Grupa nieformalna', en: 'Informal group', uk: 'Неформальна група' },
  resident: { pl: 'Mieszkaniec/mieszkanka', en: 'Resident', uk: 'Мешканець/мешканка' },
  district_council: { pl: 'Rada dzielnicy', en: 'District council', uk: 'Рада району' },
  institution: { pl: 'Inna instytucja', en: 'Other institution', uk: 'Інша установа' },
};

export const DECISION_LABELS: Record<Decision, Labels> = {
  accepted: { pl: 'Uwzględniona', en: 'Accepted', uk: 'Врахована' },
  partly_accepted: { pl: 'Uwzględniona częściowo', en: 'Partly accepted', uk: 'Врахована частково' },
  not_accepted: { pl: 'Nieuwzględniona', en: 'Not accepted', uk: 'Не врахована' },
  out_of_scope: { pl: 'Poza zakresem konsultacji', en: 'Out of scope', uk: 'Поза межами консультацій' },
};

export const STATUS_LABELS: Record<ConsultationStatus, Labels> = {
  planned: { pl: 'Zaplanowane', en: 'Planned', uk: 'Заплановані' },
  open: { pl: 'Trwają', en: 'Open', uk: 'Тривають' },
  closed: { pl: 'Zakończone', en: 'Closed', uk: 'Завершені' },
  reported: { pl: 'Opublikowano sprawozdanie', en: 'Report published', uk: 'Звіт опубліковано' },
};

export const CONSULTATION_LIMITS = {
  title: 300, text: 4000, unitText: 20_000, units: 1000, document: 400_000, wording: 10_000, justification: 10_000,
  name: 200, attachments: 20, response: 10_000,
} as const;

/**
 * Status from the server's clock: before the start `planned`, from the start (inclusive) until the
 * end (exclusive) `open`, then `closed`, and `reported` once the report is published.
 */
export function consultationStatus(c: { startsAt: string; endsAt: string; reportedAt: string | null }, now: Date = new Date()): ConsultationStatus {
  if (c.reportedAt) return 'reported';
  const t = now.getTime();
  if (t < Date.parse(c.startsAt)) return 'planned';
  if (t < Date.parse(c.endsAt)) return 'open';
  return 'closed';
}

const WARSAW = 'Europe/Warsaw';
const parts = (d: Date) => {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: WARSAW, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
};

/** Offset of Warsaw from UTC at `d`, in ms (+1 h in winter, +2 h in summer). */
export const warsawOffsetMs = (d: Date) => parts(d) - Math.floor(d.getTime() / 1000) * 1000;

/**
 * `2026-03-29T02:30` read as Warsaw wall-clock time → a UTC instant (ISO string). A time that does
 * not exist (skipped by the spring DST change) moves forward by the gap; an ambiguous autumn time
 * takes the first (summer-time) occurrence.
 */
export function warsawLocalToUtc(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) throw new RangeError(`Not a local date-time: ${local}`);
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // Try both offsets Warsaw uses; keep the one that round-trips, preferring summer time.
  for (const offsetH of [2, 1]) {
    const guess = asUtc - offsetH * 3600_000;
    if (warsawOffsetMs(new Date(guess)) === offsetH * 3600_000) return new Date(guess).toISOString();
  }
  // In the spring gap neither round-trips: the wall time does not exist; use winter offset (moves it forward).
  return new Date(asUtc - 3600_000).toISOString();
}

/** A UTC instant as Warsaw wall-clock `YYYY-MM-DDTHH:mm` (for form fields). */
export function utcToWarsawLocal(iso: string): string {
  return new Date(parts(new Date(iso))).toISOString().slice(0, 16);
}
