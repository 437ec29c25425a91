import * as z from './zod.js';
import { PersonalWrite } from './forms.schema.js';
import { AUDIENCES, AUTHOR_TYPES, CONSULTATION_LIMITS as L, CONSULTATION_STATUSES, DECISIONS, MODERATION_MODES, ORGANISATION_AUTHORS, REMARK_STATUSES } from './consultations.js';
import { DOCUMENT_WARNING_CODES } from './consultations.document.js';
import { isValidKrs } from './identifiers.js';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const LocalDateTime = z.localDateTime({ message: 'Use a real Warsaw time, YYYY-MM-DDTHH:mm (00:00–23:59)' });

export const Attachment = z.object({ title: z.string().trim().min(1).max(200), url: z.url({ protocol: /^https?$/ }).max(500) }).meta({ id: 'ConsultationAttachment' });

export const ConsultationUnit = z
  .object({
    id: z.string(),
    position: z.number(),
    /** Human label of the unit: `§ 3 ust. 2 pkt 1`. */
    label: z.string(),
    text: z.string(),
    /** 0 for §, 1 for ust., 2 for pkt, … */
    depth: z.number(),
    remarkCount: z.number(),
  })
  .meta({ id: 'ConsultationUnit' });

export const ConsultationSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    goal: z.string(),
    subject: z.string(),
    unitName: z.string().meta({ description: 'The responsible city unit' }),
    legalBasis: z.string(),
    audience: z.enum(AUDIENCES),
    district: z.number().nullable().meta({ description: '1–18, or null for city-wide' }),
    startsAt: z.string().meta({ description: 'UTC instant (ISO 8601); shown in Europe/Warsaw' }),
    endsAt: z.string(),
    status: z.enum(CONSULTATION_STATUSES).meta({ description: 'From the server clock at the time of the request' }),
    moderation: z.enum(MODERATION_MODES),
    requireConfirmation: z.boolean(),
    attachments: z.array(Attachment),
    remarkCount: z.number().meta({ description: 'Published remarks' }),
    reportedAt: z.string().nullable(),
    serverTime: z.string().meta({ description: 'The server clock, so widgets count down without trusting the visitor\'s clock' }),
  })
  .meta({ id: 'ConsultationSummary' });

export const ConsultationDetail = ConsultationSummary.extend({
  units: z.array(ConsultationUnit),
  documentRemarkCount: z.number().meta({ description: 'Published remarks on the whole document' }),
  informationClause: z.string(),
}).meta({ id: 'ConsultationDetail' });

/** Keyset paging of the public lists (issue 16): at most `limit` items, the next page after the `next` cursor. */
const pageQuery = (max: number) => ({
  limit: z.coerce.number().int().min(1).max(max).default(max).meta({ description: `Items per page, at most ${max}` }),
  after: z.string().min(1).max(300).optional().meta({ description: 'The `next` cursor of the previous page: the page after it, in the same order (keyset paging)' }),
});
const NextCursor = z.string().nullable().meta({ description: 'Cursor of the next page (pass it as `after`), or null on the last page' });

export const ConsultationListQuery = z.object({
  status: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum(CONSULTATION_STATUSES)).max(4)).optional(),
  district: z.coerce.number().int().min(1).max(18).optional().meta({ description: 'Consultations of this district and city-wide ones' }),
  ...pageQuery(L.listPage),
});

export const ConsultationList = z.object({ items: z.array(ConsultationSummary), next: NextCursor }).meta({ id: 'ConsultationList' });

export const PublicRemark = z
  .object({
    id: z.string(),
    unitId: z.string().nullable(),
    unitLabel: z.string().nullable(),
    currentWording: z.string(),
    proposedWording: z.string(),
    justification: z.string(),
    authorType: z.enum(AUTHOR_TYPES),
    /** The organisation's name; null for residents, whose names are never shown. */
    organisationName: z.string().nullable(),
    krs: z.string().nullable(),
    /** The organisation's entry on the NGO map, when its KRS matches one. */
    organisationId: z.string().nullable(),
    supporters: z.array(z.object({ organisationName: z.string() })),
    createdAt: z.string(),
    /** Present once the answers are published. */
    decision: z.enum(DECISIONS).nullable(),
    response: z.string().nullable(),
  })
  .meta({ id: 'PublicRemark' });

export const RemarkListQuery = z.object({
  unit: z.string().max(64).optional().meta({ description: 'A unit id, or `document` for remarks on the whole document' }),
  authorType: z.enum(AUTHOR_TYPES).optional(),
  decision: z.enum(DECISIONS).optional(),
  ...pageQuery(L.remarkPage),
});

export const RemarkList = z.object({ items: z.array(PublicRemark), next: NextCursor }).meta({ id: 'RemarkList' });

export const RemarkInput = PersonalWrite.extend({
  unitId: z.string().max(64).nullable().meta({ description: 'null: the whole document' }),
  currentWording: z.string().trim().max(L.wording).default(''),
  proposedWording: z.string().trim().max(L.wording).default(''),
  justification: z.string().trim().min(10).max(L.justification),
  authorType: z.enum(AUTHOR_TYPES),
  organisationName: z.preprocess(blankToNull, z.string().trim().min(2).max(L.name).nullable()).default(null),
  krs: z.preprocess(blankToNull, z.string().trim().refine(isValidKrs, 'A KRS number has 10 digits').nullable()).default(null),
})
  .superRefine((r, ctx) => {
    if (ORGANISATION_AUTHORS.includes(r.authorType) && !r.organisationName) ctx.addIssue({ code: 'custom', path: ['organisationName'], message: 'Name the organisation you write for' });
  })
  .meta({ id: 'RemarkInput' });
export type RemarkInput = z.output<typeof RemarkInput>;

export const SupportInput = PersonalWrite.extend({
  organisationName: z.displayName().trim().min(2).max(L.name),
  krs: z.preprocess(blankToNull, z.string().trim().refine(isValidKrs, 'A KRS number has 10 digits').nullable()).default(null),
}).meta({ id: 'SupportInput' });

/** The answer to a POST of a remark or a support. */
export const RemarkAccepted = z
  .object({ id: z.string(), status: z.enum(['unconfirmed', 'pending', 'published']).meta({ description: 'unconfirmed: check your e-mail; pending: waits for moderation' }) })
  .meta({ id: 'RemarkAccepted' });

// ---- staff ----

export const ConsultationInput = z
  .object({
    title: z.string().trim().min(5).max(L.title),
    goal: z.string().trim().min(5).max(L.text),
    subject: z.string().trim().min(3).max(L.text).meta({ description: 'The draft act consulted' }),
    unitName: z.string().trim().min(3).max(L.title),
    legalBasis: z.string().trim().min(3).max(L.text),
    audience: z.enum(AUDIENCES),
    district: z.number().int().min(1).max(18).nullable(),
    startsLocal: LocalDateTime,
    endsLocal: LocalDateTime,
    moderation: z.enum(MODERATION_MODES),
    requireConfirmation: z.boolean().default(true),
    attachments: z.array(Attachment).max(L.attachments).default([]),
    informationClause: z.string().trim().max(L.text).default(''),
    /** Plain text or Markdown; split into numbered units (§, ust., pkt) on save. */
    document: z.string().max(L.document),
  })
  .superRefine((c, ctx) => {
    if (c.endsLocal <= c.startsLocal) ctx.addIssue({ code: 'custom', path: ['endsLocal'], message: 'The end must come after the start' });
  })
  .meta({ id: 'ConsultationInput' });
export type ConsultationInput = z.output<typeof ConsultationInput>;

export const ResponseInput = z
  .object({ decision: z.enum(DECISIONS), response: z.string().trim().min(3).max(L.response) })
  .meta({ id: 'ResponseInput' });

export const StaffRemark = PublicRemark.extend({
  status: z.enum(['unconfirmed', 'pending', 'published', 'rejected']),
  contactName: z.string(),
  contactEmail: z.string(),
  answeredAt: z.string().nullable(),
}).meta({ id: 'StaffRemark' });

// ---- staff responses (/v1/admin/consultations), typed for the panel and its tests ----

/** What waits for staff in a consultation. */
export const StaffCounts = z.object({ pending: z.number(), unconfirmed: z.number(), unanswered: z.number() }).meta({ id: 'ConsultationStaffCounts' });

export const StaffConsultation = ConsultationSummary.extend({ counts: StaffCounts }).meta({ id: 'StaffConsultationSummary' });
export type StaffConsultation = z.output<typeof StaffConsultation>;

/** One consultation as the staff form edits it. */
export const StaffConsultationDetail = ConsultationDetail.extend({
  document: z.string(),
  startsLocal: z.string().meta({ description: 'Warsaw wall-clock time, as the form edits it' }),
  endsLocal: z.string(),
  counts: StaffCounts,
  remarkTotal: z.number().meta({ description: 'Remarks in any status; once there are any, the document\'s units are locked' }),
  reportIntroduction: z.string().nullable().meta({ description: 'Staff\'s own introduction of the report; null: the computed one' }),
  reportSummary: z.string().nullable().meta({ description: 'Staff\'s own summary of the report (above its tables); null: the computed one' }),
}).meta({ id: 'StaffConsultationDetail' });
export type StaffConsultationDetail = z.output<typeof StaffConsultationDetail>;

export const PreviewUnit = z.object({ label: z.string(), text: z.string(), depth: z.number() });
export type PreviewUnit = z.output<typeof PreviewUnit>;

export const PreviewWarning = z
  .object({
    code: z.enum(DOCUMENT_WARNING_CODES),
    line: z.number().meta({ description: '1-based line of the pasted document' }),
    label: z.string().optional().meta({ description: 'The unit concerned' }),
    expected: z.string().optional().meta({ description: 'Numbering: the label expected instead' }),
    found: z.string().optional().meta({ description: 'outside_unit: the number found' }),
    count: z.number().optional().meta({ description: 'page_lines_removed: how many lines' }),
  })
  .meta({ id: 'DocumentWarning', description: 'Where the layout of the pasted act is unclear; the code is a translation key of the staff panel' });

/** `POST /document/preview`: the units a document splits into, and where its layout is unclear. */
export const DocumentPreview = z.object({ units: z.array(PreviewUnit), warnings: z.array(PreviewWarning) });

/** A remark's status after a moderation decision. */
export const RemarkState = z.object({ id: z.string(), status: z.enum(REMARK_STATUSES) });

export const AnswerSaved = z.object({ id: z.string(), decision: z.string(), response: z.string(), answeredAt: z.string() });

const reportText = (what: string) =>
  z.string().trim().max(L.reportText).nullable().meta({ description: `Staff's own ${what} of the report, paragraphs split by blank lines; null or empty: the report's computed ${what}` });

/** `PUT /{id}/report-texts`: the introduction and summary staff write before publishing the report. */
export const ReportTexts = z.object({ introduction: reportText('introduction'), summary: reportText('summary') }).meta({ id: 'ReportTexts' });
export type ReportTexts = z.output<typeof ReportTexts>;

export const AnswersPublished = z.object({ id: z.string(), reportedAt: z.string(), mailed: z.number() });
