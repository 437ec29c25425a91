/**
 * Consultations: vocabularies, limits and the pure rules shared by the API and the widgets
 * (status from the clock; Warsaw time is in `common/time.ts`). Plain data and functions, no zod.
 */
import { labelTranslator } from './i18n.js';
import type { Labels } from './langs.js';

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

/** The vocabularies on the translator core (common/i18n.ts), for mail, exports and reports. */
export const tAuthorType = /* @__PURE__ */ labelTranslator(AUTHOR_TYPE_LABELS);
export const tDecision = /* @__PURE__ */ labelTranslator(DECISION_LABELS);

/** A remark's state, as staff read it in mail and exports. */
export const REMARK_STATUS_LABELS: Record<RemarkStatus, Labels> = {
  unconfirmed: { pl: 'niepotwierdzona', en: 'unconfirmed', uk: 'не підтверджено' },
  pending: { pl: 'czeka na moderację', en: 'awaiting moderation', uk: 'очікує модерації' },
  published: { pl: 'opublikowana', en: 'published', uk: 'опубліковано' },
  rejected: { pl: 'odrzucona', en: 'rejected', uk: 'відхилено' },
};
export const tRemarkStatus = /* @__PURE__ */ labelTranslator(REMARK_STATUS_LABELS);

export const STATUS_LABELS: Record<ConsultationStatus, Labels> = {
  planned: { pl: 'Zaplanowane', en: 'Planned', uk: 'Заплановані' },
  open: { pl: 'Trwają', en: 'Open', uk: 'Тривають' },
  closed: { pl: 'Zakończone', en: 'Closed', uk: 'Завершені' },
  reported: { pl: 'Opublikowano sprawozdanie', en: 'Report published', uk: 'Звіт опубліковано' },
};

export const CONSULTATION_LIMITS = {
  title: 300, text: 4000, unitText: 20_000, units: 1000, document: 400_000, wording: 10_000, justification: 10_000,
  name: 200, attachments: 20, response: 10_000,
  /** Page sizes (and their maximum) of the public lists of consultations and of a consultation's remarks. */
  listPage: 100, remarkPage: 200,
  /** Staff's own introduction or summary of the report. */
  reportText: 10_000,
} as const;

/**
 * Status from the server's clock: before the start `planned`, from the start (inclusive) until the
 * end (exclusive) `open`, then `closed`, and `reported` once the report is published.
 */
/** Why the answers and the report cannot be published yet, or null when they can. */
export type PublishBlocker =
  | { code: 'already_reported' }
  | { code: 'consultation_not_closed' }
  | { code: 'pending_remarks'; count: number }
  | { code: 'unanswered_remarks'; count: number };

/**
 * The one rule of publishing, shared by the API (which refuses with the code) and the staff panel
 * (which offers the button only when it is null, and says the reason beside it otherwise), by the
 * status the server's clock gives: the consultation has closed, no remark waits for moderation, every published remark is answered.
 */
export function publishBlocker(status: ConsultationStatus, counts: { pending: number; unanswered: number }): PublishBlocker | null {
  if (status === 'reported') return { code: 'already_reported' };
  if (status !== 'closed') return { code: 'consultation_not_closed' };
  if (counts.pending > 0) return { code: 'pending_remarks', count: counts.pending };
  if (counts.unanswered > 0) return { code: 'unanswered_remarks', count: counts.unanswered };
  return null;
}

export function consultationStatus(c: { startsAt: string; endsAt: string; reportedAt: string | null }, now: Date = new Date()): ConsultationStatus {
  if (c.reportedAt) return 'reported';
  const t = now.getTime();
  if (t < Date.parse(c.startsAt)) return 'planned';
  if (t < Date.parse(c.endsAt)) return 'open';
  return 'closed';
}
