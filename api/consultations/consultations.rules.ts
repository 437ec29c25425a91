import { parseDocument, type SplitDocument } from '../../common/consultations.document.js';
import {
  CONSULTATION_LIMITS, NGO_AUDIENCE_AUTHORS, consultationStatus, publishBlocker, type Audience, type AuthorType, type ConsultationStatus, type ModerationMode, type RemarkStatus,
} from '../../common/consultations.js';
import { foldText } from '../../common/map.js';
import { ApiError, validationError } from '../core/errors.js';

/**
 * The consultations' rules, with no database: when remarks may come in, what a remark becomes,
 * what staff may do with it, when the report may be published, and a consultation's district scope.
 */

/** The dates of a consultation as its rules read them. */
export interface ConsultationClock {
  starts_at: string;
  ends_at: string;
  reported_at: string | null;
}

export const statusAt = (row: ConsultationClock, now: Date = new Date()): ConsultationStatus =>
  consultationStatus({ startsAt: row.starts_at, endsAt: row.ends_at, reportedAt: row.reported_at }, now);

/** The districts a consultation belongs to; null for a city-wide one. */
export const consultationScope = (row: { district: number | null }): number[] | null => (row.district === null ? null : [row.district]);

/** Remarks and supports come in only while the consultation is open, by the server's clock. */
export function assertOpen(row: ConsultationClock, now: Date = new Date()): void {
  const status = statusAt(row, now);
  if (status === 'planned') throw new ApiError(409, 'consultation_not_open', 'The consultation has not started yet', { startsAt: row.starts_at });
  if (status !== 'open') throw new ApiError(409, 'consultation_closed', 'The consultation is closed', { endsAt: row.ends_at });
}

/** A consultation for NGOs takes remarks from NGOs and informal groups only. */
export function assertAuthorAllowed(audience: Audience, authorType: AuthorType): void {
  if (audience === 'ngo' && !NGO_AUDIENCE_AUTHORS.includes(authorType)) {
    throw validationError([{ path: 'authorType', code: 'not_allowed', message: 'This consultation is for NGOs and informal groups only' }]);
  }
}

/** A confirmed remark waits for a moderator under pre-moderation, and is published at once under post-moderation. */
export const statusAfterConfirmation = (moderation: ModerationMode): 'pending' | 'published' => (moderation === 'pre' ? 'pending' : 'published');

/** What a new remark is: unconfirmed when the consultation asks for the e-mailed link, else as if confirmed. */
export const initialRemarkStatus = (c: { require_confirmation: 0 | 1 | boolean; moderation: ModerationMode }): 'unconfirmed' | 'pending' | 'published' =>
  c.require_confirmation ? 'unconfirmed' : statusAfterConfirmation(c.moderation);

/** The remark status machine for staff: approve a pending remark; reject any that is not rejected yet. */
export const REMARK_MOVES = {
  approve: { from: ['pending'], to: 'published' },
  reject: { from: ['unconfirmed', 'pending', 'published'], to: 'rejected' },
} as const satisfies Record<string, { from: readonly RemarkStatus[]; to: RemarkStatus }>;

/** Once the report is out, its remarks no longer change. */
export function assertNotReported(row: Pick<ConsultationClock, 'reported_at'>): void {
  if (row.reported_at) throw new ApiError(409, 'conflict', 'The report is published; its remarks can no longer change');
}

/** A rejected author hears of it only when they confirmed their address: an unconfirmed one is unverified. */
export const mailsRejection = (status: RemarkStatus): boolean => status !== 'unconfirmed';

/** Only published remarks are answered. */
export function assertAnswerable(status: RemarkStatus): void {
  if (status !== 'published') throw new ApiError(409, 'conflict', `Only published remarks are answered; this one is ${status}`);
}

/** Decisions and responses become public with the report, so before it they cannot filter either. */
export const decisionsPublic = (row: Pick<ConsultationClock, 'reported_at'>): boolean => row.reported_at !== null;

/** The answers and the report are published once, by the rule the staff panel shows (publishBlocker). */
export function assertCanPublish(row: ConsultationClock, counts: { pending: number; unanswered: number }, now: Date = new Date()): void {
  const blocker = publishBlocker(statusAt(row, now), counts);
  if (!blocker) return;
  switch (blocker.code) {
    case 'already_reported': throw new ApiError(409, 'conflict', 'The answers are already published');
    case 'consultation_not_closed': throw new ApiError(409, 'consultation_not_closed', 'Answers are published after the consultation closes', { endsAt: row.ends_at });
    case 'pending_remarks': throw new ApiError(409, 'pending_remarks', 'Some remarks still wait for moderation', { count: blocker.count });
    case 'unanswered_remarks': throw new ApiError(409, 'unanswered_remarks', 'Some published remarks have no answer yet', { count: blocker.count });
  }
}

/** The report exists once the answers are published. */
export function assertReportReady(row: Pick<ConsultationClock, 'reported_at'>): void {
  if (!row.reported_at) throw new ApiError(409, 'report_not_ready', 'The answers to this consultation are not published yet');
}

/** A confirmation that comes after the report is refused: the report is final. */
export function assertConfirmable(row: Pick<ConsultationClock, 'reported_at'>): void {
  if (row.reported_at) throw new ApiError(409, 'consultation_closed', 'The consultation report is already published');
}

/** Once a consultation has remarks, its units are fixed: a document that splits differently is refused. */
export function assertUnitsMayChange(sameUnits: boolean, remarkCount: number): void {
  if (!sameUnits && remarkCount > 0) throw new ApiError(409, 'document_locked', 'The consultation has remarks, so its units cannot change');
}

/** The document split into units, with the splitter's warnings; too many units is a field error on `document`. */
export function splitDocumentInput(document: string): SplitDocument {
  try {
    return parseDocument(document, CONSULTATION_LIMITS.units);
  } catch (err) {
    if (err instanceof RangeError) throw validationError([{ path: 'document', code: 'too_long', message: err.message }]);
    throw err;
  }
}

/** An organisation as a remark or a support names it: what was typed, neither part verified. */
export interface ClaimedOrganisation {
  organisation_name: string | null;
  krs: string | null;
}

/**
 * The organisations backing a remark, once each, oldest first (issue 8, support squatting).
 *
 * A support only claims an organisation: anyone may type a name or a KRS. So no claim may stop
 * another from counting (the submit refuses only the same person twice); instead they fold here.
 * An organisation is its KRS when the support gives one, else its folded name (case and
 * diacritics ignored). A name-only claim that matches the name of a KRS-identified supporter,
 * or of the organisation's entry on the map, folds into it, so an early anonymous "support" in a
 * real organisation's name neither blocks it nor shows twice. A KRS-identified supporter shows
 * the name the NGO map holds for that KRS (`mapNames`) where there is one, so a squatter who
 * typed the right KRS with another name does not rename it. Supports of the remark's own
 * organisation are not listed: the remark already carries its name.
 */
export function supporterNames(author: ClaimedOrganisation, supports: readonly ClaimedOrganisation[], mapNames: ReadonlyMap<string, string>): string[] {
  const byName = new Map<string, string>(); // folded name → group key
  const shown = new Map<string, string>(); // group key → name shown
  const fold = (name: string | null) => (name ? foldText(name) : '');
  const authorKey = author.krs ? `krs:${author.krs}` : author.organisation_name ? `name:${fold(author.organisation_name)}` : null;
  if (authorKey && author.organisation_name) byName.set(fold(author.organisation_name), authorKey);
  if (author.krs && mapNames.has(author.krs)) byName.set(fold(mapNames.get(author.krs)!), authorKey!);
  for (const s of supports) {
    if (!s.krs) continue;
    const key = `krs:${s.krs}`;
    if (!shown.has(key)) shown.set(key, mapNames.get(s.krs) ?? s.organisation_name ?? s.krs);
    for (const name of [shown.get(key)!, s.organisation_name]) if (name && !byName.has(fold(name))) byName.set(fold(name), key);
  }
  const keyOf = (s: ClaimedOrganisation) => (s.krs ? `krs:${s.krs}` : (byName.get(fold(s.organisation_name)) ?? `name:${fold(s.organisation_name)}`));
  const out = new Map<string, string>();
  for (const s of supports) {
    const key = keyOf(s);
    if (key === authorKey || out.has(key) || !fold(s.organisation_name) && !s.krs) continue;
    out.set(key, shown.get(key) ?? s.organisation_name!);
  }
  return [...out.values()];
}
