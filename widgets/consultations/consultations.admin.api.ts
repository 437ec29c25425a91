import type { z } from 'zod';
import { downloadQuery, type CsvDialect, type TableFormat } from '../../common/export.js';
import type { FieldIssue } from '../../common/errors.js';
import type {
  AnswerSaved, AnswersPublished, ConsultationInput, DocumentPreview, RemarkState, ReportTexts, StaffConsultation, StaffConsultationDetail, StaffRemark as StaffRemarkSchema,
} from '../../common/consultations.schema.js';
import type { Decision, RemarkStatus } from '../../common/consultations.js';
import { staffRequest, type SessionToken } from '../core/staff.api.js';

/**
 * Client of `/v1/admin/consultations`: same-origin, with the session cookie and the CSRF token on
 * writes. The answers are typed from the server's own response schemas (common/consultations.schema.ts).
 */
const BASE = '/v1/admin/consultations';

export type { ConsultationInput, StaffConsultation, StaffConsultationDetail, PreviewUnit, ReportTexts } from '../../common/consultations.schema.js';
export type StaffRemark = z.output<typeof StaffRemarkSchema>;

type Session = SessionToken;
const id = encodeURIComponent;

export const listConsultations = (base: string, signal?: AbortSignal) => staffRequest<{ items: StaffConsultation[] }>(base, BASE, null, { signal });

export const getConsultation = (base: string, consultation: string, signal?: AbortSignal) =>
  staffRequest<StaffConsultationDetail>(base, `${BASE}/${id(consultation)}`, null, { signal });

/** Creates (no `consultation`) or replaces a consultation; answers its id. */
export const saveConsultation = (base: string, session: Session, consultation: string | null, body: ConsultationInput) =>
  consultation
    ? staffRequest<unknown>(base, `${BASE}/${id(consultation)}`, session, { method: 'PUT', body }).then(() => ({ id: consultation }))
    : staffRequest<{ id: string }>(base, BASE, session, { method: 'POST', body });

export const previewDocument = (base: string, session: Session, document: string) =>
  staffRequest<z.output<typeof DocumentPreview>>(base, `${BASE}/document/preview`, session, { method: 'POST', body: { document } });

export const listRemarks = (base: string, consultation: string, status: RemarkStatus, signal?: AbortSignal) =>
  staffRequest<{ items: StaffRemark[] }>(base, `${BASE}/${id(consultation)}/remarks?status=${status}`, null, { signal });

export const approveRemark = (base: string, session: Session, remark: string) =>
  staffRequest<z.output<typeof RemarkState>>(base, `${BASE}/remarks/${id(remark)}/approve`, session, { method: 'POST' });

export const rejectRemark = (base: string, session: Session, remark: string, reason: string) =>
  staffRequest<z.output<typeof RemarkState>>(base, `${BASE}/remarks/${id(remark)}/reject`, session, { method: 'POST', body: reason ? { reason } : {} });

export const answerRemark = (base: string, session: Session, remark: string, body: { decision: Decision; response: string }) =>
  staffRequest<z.output<typeof AnswerSaved>>(base, `${BASE}/remarks/${id(remark)}/response`, session, { method: 'PUT', body });

export const publishAnswers = (base: string, session: Session, consultation: string) =>
  staffRequest<z.output<typeof AnswersPublished>>(base, `${BASE}/${id(consultation)}/publish-answers`, session, { method: 'POST' });

/** Staff's own introduction and summary of the report (null: the computed text); 409 `conflict` once the report is published. */
export const saveReportTexts = (base: string, session: Session, consultation: string, body: ReportTexts) =>
  staffRequest<ReportTexts>(base, `${BASE}/${id(consultation)}/report-texts`, session, { method: 'PUT', body });

/** A plain link to every remark with contacts (XLSX, CSV for Polish Excel or standard CSV): the browser sends the session cookie and saves the file. */
export const remarksExportUrl = (base: string, consultation: string, download: { format: TableFormat; dialect: CsvDialect }, lang: string) =>
  `${base}${BASE}/${id(consultation)}/remarks/export?${downloadQuery(download)}&lang=${lang}`;

/** The public report: the printable page, or the Word document to edit. */
export const reportUrl = (base: string, consultation: string, lang: string, format: 'html' | 'docx' = 'html') =>
  `${base}/v1/consultations/${id(consultation)}/report?format=${format}&lang=${lang}`;

// ---- the form: what the user types ↔ ConsultationInput ----

export interface AttachmentDraft { title: string; url: string }

/** The form's state: every field as typed (strings), turned into `ConsultationInput` on save. */
export interface ConsultationDraft {
  title: string;
  goal: string;
  subject: string;
  unitName: string;
  legalBasis: string;
  audience: ConsultationInput['audience'];
  /** `''` for city-wide, else `1`–`18`. */
  district: string;
  startsLocal: string;
  endsLocal: string;
  moderation: ConsultationInput['moderation'];
  requireConfirmation: boolean;
  attachments: AttachmentDraft[];
  informationClause: string;
  document: string;
}

export type DraftField = Exclude<keyof ConsultationDraft, 'attachments'>;

export const emptyDraft = (): ConsultationDraft => ({
  title: '', goal: '', subject: '', unitName: '', legalBasis: '', audience: 'ngo', district: '', startsLocal: '', endsLocal: '',
  moderation: 'pre', requireConfirmation: true, attachments: [], informationClause: '', document: '',
});

export const draftOf = (c: StaffConsultationDetail): ConsultationDraft => ({
  title: c.title, goal: c.goal, subject: c.subject, unitName: c.unitName, legalBasis: c.legalBasis, audience: c.audience,
  district: c.district === null ? '' : String(c.district), startsLocal: c.startsLocal, endsLocal: c.endsLocal, moderation: c.moderation,
  requireConfirmation: c.requireConfirmation, attachments: c.attachments.map((a) => ({ ...a })), informationClause: c.informationClause, document: c.document,
});

export const inputOf = (d: ConsultationDraft): ConsultationInput => ({
  title: d.title.trim(), goal: d.goal.trim(), subject: d.subject.trim(), unitName: d.unitName.trim(), legalBasis: d.legalBasis.trim(),
  audience: d.audience, district: d.district ? Number(d.district) : null, startsLocal: d.startsLocal, endsLocal: d.endsLocal,
  moderation: d.moderation, requireConfirmation: d.requireConfirmation,
  attachments: d.attachments.map((a) => ({ title: a.title.trim(), url: a.url.trim() })),
  informationClause: d.informationClause.trim(), document: d.document,
});

/** A problem with one field: the id of its control (`title`, `attachment-0-url`) and a reason. */
export interface DraftIssue { field: string; code: string; min?: number }

/** Minimum lengths of `ConsultationInput`, checked before sending. */
export const MIN_LENGTH: Partial<Record<DraftField, number>> = { title: 5, goal: 5, subject: 3, unitName: 3, legalBasis: 3 };
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The checks the server makes too, in the order of the form, so a user hears them before sending. */
export function validateDraft(d: ConsultationDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  for (const [field, min] of Object.entries(MIN_LENGTH) as [DraftField, number][]) {
    const v = String(d[field]).trim();
    if (!v) issues.push({ field, code: 'required' });
    else if (v.length < min) issues.push({ field, code: 'too_short', min });
  }
  for (const field of ['startsLocal', 'endsLocal'] as const) if (!LOCAL.test(d[field])) issues.push({ field, code: d[field] ? 'invalid_format' : 'required' });
  if (LOCAL.test(d.startsLocal) && LOCAL.test(d.endsLocal) && d.endsLocal <= d.startsLocal) issues.push({ field: 'endsLocal', code: 'ends_before_start' });
  d.attachments.forEach((a, i) => {
    if (!a.title.trim()) issues.push({ field: `attachment-${i}-title`, code: 'required' });
    if (!a.url.trim()) issues.push({ field: `attachment-${i}-url`, code: 'required' });
    else if (!isHttpUrl(a.url.trim())) issues.push({ field: `attachment-${i}-url`, code: 'invalid_url' });
  });
  if (!d.document.trim()) issues.push({ field: 'document', code: 'required' });
  return issues;
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The server's 422 issues (`attachments.0.url`) as issues on the form's controls (`attachment-0-url`). */
export function issuesOfServer(issues: readonly FieldIssue[]): DraftIssue[] {
  return issues.map((i) => {
    const att = /^attachments\.(\d+)\.(title|url)$/.exec(i.path);
    const field = att ? `attachment-${att[1]}-${att[2]}` : i.path.startsWith('attachments') ? 'attachment-add' : i.path;
    const code = field === 'endsLocal' && i.code === 'custom' ? 'ends_before_start' : field.endsWith('-url') && i.code === 'invalid_format' ? 'invalid_url' : i.code;
    const min = i.code === 'too_short' ? MIN_LENGTH[field as DraftField] : undefined;
    return min ? { field, code, min } : { field, code };
  });
}
