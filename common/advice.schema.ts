import * as z from './zod.js';
import { PersonalWrite } from './forms.schema.js';
import { ADVICE_LIMITS as L, ATTACHMENT_LIMITS, CASE_STATUSES, CHANNELS, FIELD_TYPES, MESSAGE_AUTHORS, SATISFACTION_SCORES, SLOT_MODES, TIME_WINDOWS } from './advice.js';
import { isValidKrs } from './identifiers.js';
import { ORG_KINDS } from './org-kinds.js';
import { LANGS } from './taxonomy.js';

/** Schemas of the advisory point (`/v1/advice`, `/v1/admin/advice`), shared by the API, the widgets' types and the fixtures. */

const orNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const Slug = z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'Use 2–40 lowercase letters, digits, "-" or "_"');
const Instant = z.instant().meta({ description: 'ISO 8601 instant' });

export const LabelsSchema = z.object({ pl: z.string().trim().min(1).max(L.label), en: z.string().trim().min(1).max(L.label), uk: z.string().trim().min(1).max(L.label) }).meta({ id: 'Labels' });
const Explanations = z.object({ pl: z.string().trim().min(1).max(L.explanation), en: z.string().trim().min(1).max(L.explanation), uk: z.string().trim().min(1).max(L.explanation) });

export const TopicField = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lowercase letters, digits and "_"'),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(false),
    labels: LabelsSchema,
    options: z.array(z.object({ value: z.string().trim().min(1).max(100), labels: LabelsSchema })).max(L.options).default([]),
    retired: z.boolean().default(false).meta({ description: 'No longer asked (the public topics leave it out); kept so that earlier requests that answered it still show its label' }),
  })
  .refine((f) => f.type !== 'select' || f.options.length > 0, { message: 'A select field needs options', path: ['options'] })
  .meta({ id: 'AdviceTopicField', description: 'An extra field of a topic (legal form, VAT status, funding programme, amount, deadline…)' });
export type TopicField = z.output<typeof TopicField>;

export const Topic = z
  .object({ id: z.string(), labels: LabelsSchema, explanation: Explanations, fields: z.array(TopicField) })
  .meta({ id: 'AdviceTopic' });
export type Topic = z.output<typeof Topic>;

export const TopicInput = z.object({
  labels: LabelsSchema,
  explanation: Explanations,
  fields: z.array(TopicField).max(L.fields).default([]).refine((fs) => new Set(fs.map((f) => f.key)).size === fs.length, 'Field keys must be unique'),
  position: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
});
export const NewTopicInput = TopicInput.extend({ id: Slug.refine((v) => v !== 'order', 'This id is reserved') });
export const StaffTopic = Topic.extend({ position: z.number(), active: z.boolean() }).meta({ id: 'AdviceStaffTopic' });
/** The topics in their new order (admins): every topic's id once. */
export const TopicOrderInput = z.object({ ids: z.array(Slug).min(1).max(L.topics).refine((ids) => new Set(ids).size === ids.length, 'Each topic once') });

export const PublicSlot = z
  .object({
    id: z.string(),
    topicId: z.string().nullable().meta({ description: 'null: any topic' }),
    startsAt: z.string(),
    endsAt: z.string(),
    mode: z.enum(SLOT_MODES),
    address: z.string().nullable().meta({ description: 'Where, for a meeting in person' }),
  })
  .meta({ id: 'AdviceSlot' });

export const SlotQuery = z.object({
  topic: z.string().max(40).optional().meta({ description: 'Slots of this topic and of any topic' }),
  from: Instant.optional(),
  to: Instant.optional(),
});

export const Organisation = z.object({
  name: z.displayName().trim().min(2).max(L.orgName),
  krs: z.preprocess(orNull, z.string().trim().refine(isValidKrs, 'A KRS number has 10 digits').nullable()).default(null),
  kind: z.enum(ORG_KINDS),
});

export const AdviceInput = PersonalWrite.extend({
  topic: z.string().min(1).max(40),
  organisation: Organisation,
  phone: z.preprocess(orNull, z.string().trim().regex(/^\+?[0-9 ()-]{7,30}$/, 'A phone number of digits, spaces, "+", "-"').nullable()).default(null),
  channel: z.enum(CHANNELS),
  timeWindows: z.array(z.enum(TIME_WINDOWS)).max(L.timeWindows).default([]),
  question: z.string().trim().min(10).max(L.question),
  fields: z.record(z.string().max(L.fieldKey), z.string().trim().max(L.fieldValue)).default({}).meta({ description: "Answers to the topic's extra fields, by key" }),
  slotId: z.preprocess(orNull, z.string().max(64).nullable()).default(null).meta({ description: 'A free slot (GET /v1/advice/slots) to book with the request' }),
}).meta({ id: 'AdviceInput' });
export type AdviceInput = z.output<typeof AdviceInput>;

export const Booking = z
  .object({ slotId: z.string(), startsAt: z.string(), endsAt: z.string(), mode: z.enum(SLOT_MODES), address: z.string().nullable(), onlineUrl: z.string().nullable() })
  .meta({ id: 'AdviceBooking' });

export const AdviceAccepted = z
  .object({
    number: z.string().meta({ example: 'PD/2026/0042' }),
    status: z.literal('new'),
    uploadToken: z.string().meta({ description: 'For POST /v1/advice/status/attachments in the next 30 minutes: the files of the form' }),
    booking: Booking.nullable(),
  })
  .meta({ id: 'AdviceAccepted' });

export const TokenQuery = z.object({ token: z.string().min(20).max(128) });
export const TokenBody = z.object({ token: z.string().min(20).max(128) });

export const AttachmentInfo = z
  .object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), messageId: z.string().nullable(), from: z.enum(['requester', 'staff']), createdAt: z.string() })
  .meta({ id: 'AdviceAttachment' });

export const PublicMessage = z.object({ id: z.string(), author: z.enum(['requester', 'staff']), body: z.string(), createdAt: z.string() }).meta({ id: 'AdviceMessage' });

export const StatusView = z
  .object({
    number: z.string(),
    status: z.enum(CASE_STATUSES),
    topic: z.object({ id: z.string(), labels: LabelsSchema }),
    organisationName: z.string(),
    question: z.string(),
    channel: z.enum(CHANNELS),
    createdAt: z.string(),
    messages: z.array(PublicMessage),
    attachments: z.array(AttachmentInfo),
    booking: Booking.nullable(),
    satisfaction: z.number().nullable(),
    canReply: z.boolean(),
    canBook: z.boolean(),
    canRate: z.boolean(),
    attachmentsLeft: z.number(),
  })
  .meta({ id: 'AdviceStatus' });
export type StatusView = z.output<typeof StatusView>;

export const ReplyInput = TokenBody.extend({
  body: z.string().trim().min(1).max(L.reply),
  attachmentIds: z.array(z.string().max(64)).max(ATTACHMENT_LIMITS.perCase).default([]),
});
export const BookInput = TokenBody.extend({ slotId: z.string().min(1).max(64) });
export const SatisfactionInput = TokenBody.extend({ score: z.union(SATISFACTION_SCORES.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, ...z.ZodLiteral<number>[]]) });

export const UploadQuery = z.object({
  token: z.string().min(20).max(128),
  name: z.string().trim().min(1).max(ATTACHMENT_LIMITS.filename).meta({ description: 'The file name' }),
});

// --- staff

export const CaseListQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  topic: z.string().max(40).optional(),
  mine: z.enum(['1', 'true']).optional().meta({ description: 'Only cases assigned to me' }),
  overdue: z.enum(['1', 'true']).optional(),
});

export const StaffCaseSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.enum(CASE_STATUSES),
    topicId: z.string(),
    organisationName: z.string(),
    organisationKind: z.enum(ORG_KINDS),
    contactName: z.string(),
    assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdviceCaseSummary' });

export const StaffMessage = z.object({ id: z.string(), author: z.enum(MESSAGE_AUTHORS), body: z.string(), staffName: z.string().nullable(), createdAt: z.string() }).meta({ id: 'AdviceStaffMessage' });

export const StaffCaseDetail = StaffCaseSummary.extend({
  organisationKrs: z.string().nullable(),
  organisationId: z.string().nullable(),
  district: z.number().nullable(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  channel: z.enum(CHANNELS),
  timeWindows: z.array(z.enum(TIME_WINDOWS)),
  question: z.string(),
  fields: z.record(z.string(), z.string()),
  fieldLabels: z.record(z.string(), LabelsSchema).meta({ description: "The labels of the topic's fields the request answered, retired ones included" }),
  lang: z.enum(LANGS),
  messages: z.array(StaffMessage),
  attachments: z.array(AttachmentInfo),
  booking: Booking.nullable(),
  satisfaction: z.number().nullable(),
  firstResponseAt: z.string().nullable(),
  closedAt: z.string().nullable(),
}).meta({ id: 'AdviceCaseDetail' });
export type StaffCaseDetail = z.output<typeof StaffCaseDetail>;

export const AssignInput = z.object({ staffId: z.string().min(1).max(64).nullable() });
export const NoteInput = z.object({ body: z.string().trim().min(1).max(L.note) });
export const StaffReplyInput = z.object({
  body: z.string().trim().min(1).max(L.reply),
  attachmentIds: z.array(z.string().max(64)).max(ATTACHMENT_LIMITS.perCase).default([]),
  /** `answered` (default) or `waiting_for_requester` when the reply asks something. */
  status: z.enum(['answered', 'waiting_for_requester']).default('answered'),
});
export const DueInput = z.object({ dueAt: Instant.nullable() });
export const StaffUploadQuery = z.object({ name: UploadQuery.shape.name });

export const SlotInput = z
  .object({
    topicId: z.preprocess(orNull, z.string().max(40).nullable()).default(null),
    startsAt: Instant,
    endsAt: Instant,
    mode: z.enum(SLOT_MODES),
    address: z.preprocess(orNull, z.string().trim().max(L.address).nullable()).default(null),
    onlineUrl: z.preprocess(orNull, z.url({ protocol: /^https$/ }).max(L.url).nullable()).default(null),
    adviserId: z.string().max(64).optional().meta({ description: "Admins only: another adviser's slot" }),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: 'The end comes after the start', path: ['endsAt'] })
  .refine((s) => s.mode !== 'in_person' || !!s.address, { message: 'A meeting in person needs an address', path: ['address'] })
  .refine((s) => s.mode !== 'online' || !!s.onlineUrl, { message: 'An online meeting needs its link', path: ['onlineUrl'] });
export type SlotInput = z.output<typeof SlotInput>;

export const StaffSlot = PublicSlot.extend({
  onlineUrl: z.string().nullable(),
  adviser: z.object({ id: z.string(), name: z.string() }),
  booking: z.object({ caseId: z.string(), number: z.string(), bookedAt: z.string() }).nullable(),
}).meta({ id: 'AdviceStaffSlot' });

export const AdviserTopicsInput = z.object({ topicIds: z.array(z.string().max(40)).max(L.topics) });

export const StatsQuery = z.object({ from: z.localDate().optional(), to: z.localDate().optional() });
export const StatsRow = z.object({
  key: z.string(),
  count: z.number(),
  closed: z.number(),
  avgFirstResponseHours: z.number().nullable(),
  avgCloseHours: z.number().nullable(),
  avgSatisfaction: z.number().nullable(),
  rated: z.number(),
});
export const Stats = z
  .object({ total: StatsRow, byTopic: z.array(StatsRow), byMonth: z.array(StatsRow), byKind: z.array(StatsRow), byDistrict: z.array(StatsRow) })
  .meta({ id: 'AdviceStats' });
export type Stats = z.output<typeof Stats>;
