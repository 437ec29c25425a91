import * as z from './zod.js';
import { MAIL_STATUSES, PASSWORD_MAX, PASSWORD_MIN, RESEND_BLOCKERS } from './admin.js';
import { STAFF_ROLES } from './taxonomy.js';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const LoginInput = z
  .object({
    email: Email,
    password: z.string().min(1).max(PASSWORD_MAX),
    /** Accounts with a second factor (every admin) send the 6-digit TOTP code with the password, in one step. */
    otp: z.string().regex(/^\d{6}$/).optional(),
    /** A solved proof-of-work challenge (`GET /v1/challenge`), as for anonymous writes; asked for after failed attempts (429 `challenge_required`). */
    altcha: z.string().max(2000).optional(),
  })
  .meta({ id: 'LoginInput' });

export const StaffRoleSchema = z.enum(STAFF_ROLES);

export const StaffUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: StaffRoleSchema,
    district: z.number().int().nullable(),
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    /** True while the invitation waits: the member has not chosen a password yet. */
    invited: z.boolean(),
    /** Whether a second factor (TOTP) is enrolled; every admin has one. */
    totp: z.boolean(),
  })
  .meta({ id: 'StaffUser' });

export const SessionInfo = z
  .object({
    staff: StaffUser.omit({ disabled: true, lastLoginAt: true, invited: true, totp: true }),
    csrfToken: z.string(),
    sections: z.array(z.string()),
    expiresAt: z.string().optional(),
  })
  .meta({ id: 'SessionInfo' });

export const CreateStaffInput = z
  .object({
    email: Email,
    name: z.displayName().trim().min(1).max(120),
    role: StaffRoleSchema,
    district: z.number().int().min(1).max(18).nullable().default(null),
    password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  })
  .meta({ id: 'CreateStaffInput' });

/** POST /v1/admin/staff: an invitation. The member chooses their own password from the mailed link. */
export const InviteStaffInput = z
  .object({
    email: Email,
    name: z.displayName().trim().min(1).max(120),
    role: StaffRoleSchema,
    district: z.number().int().min(1).max(18).nullable().default(null),
    /** The language of the invitation mail. */
    lang: z.enum(['pl', 'en', 'uk']).default('pl'),
  })
  .meta({ id: 'InviteStaffInput' });

/** POST /v1/admin/password/forgot: always the same 202, whether or not the address has an account. */
export const ForgotPasswordInput = z
  .object({ email: Email, lang: z.enum(['pl', 'en', 'uk']).default('pl') })
  .meta({ id: 'ForgotPasswordInput' });

export const PasswordLinkInput = z.object({ token: z.string().min(1).max(128) }).meta({ id: 'PasswordLinkInput' });

/** What a set-password link is for, so the form can greet the member and say whether a second factor follows. */
export const PasswordLinkInfo = z
  .object({ name: z.string(), email: z.string(), invitation: z.boolean(), totpEnrolment: z.boolean(), expiresAt: z.string() })
  .meta({ id: 'PasswordLinkInfo' });

export const SetPasswordInput = z
  .object({ token: z.string().min(1).max(128), password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX) })
  .meta({ id: 'SetPasswordInput' });

/** After setting a password: an invited admin gets their TOTP secret here, once, to add to an authenticator app. */
export const SetPasswordResult = z
  .object({ email: z.string(), totpSecret: z.string().nullable(), totpUri: z.string().nullable() })
  .meta({ id: 'SetPasswordResult' });

export const UpdateStaffInput = z
  .object({
    name: z.displayName().trim().min(1).max(120).optional(),
    role: StaffRoleSchema.optional(),
    district: z.number().int().min(1).max(18).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .meta({ id: 'UpdateStaffInput' });

/** A message's state in the outbox: `logged` went to the server log (no SMTP configured), `failed` gave up after its retries. */
export const MailStatusSchema = z.enum(MAIL_STATUSES);

/**
 * GET /v1/admin/outbox: one message. The recipient and subject are personal data: `null` unless the
 * reader is an admin (`personal` on the list says which); the error has addresses masked for others.
 */
export const OutboxMessage = z
  .object({
    id: z.string(),
    /** The mail template (`consultations.remark-arrived`); its first part is the module. */
    template: z.string(),
    lang: z.string(),
    status: MailStatusSchema,
    attempts: z.number().int(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    /** When the next attempt is due, while the message is pending. */
    nextAttemptAt: z.string().nullable(),
    /** The last sending error (kept after a resend until a send succeeds). */
    error: z.string().nullable(),
    to: z.string().nullable(),
    subject: z.string().nullable(),
    /** Why it cannot be resent now (`resendBlocker`), or null when it can. */
    resendBlocked: z.enum(RESEND_BLOCKERS).nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export const OutboxQuery = z.object({
  status: MailStatusSchema.optional(),
  /** Keyset paging: the `next` cursor of the previous page. */
  before: z.string().regex(/^[\w:.+-]{1,80}\|[\w-]{1,64}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const OutboxPage = z
  .object({
    items: z.array(OutboxMessage),
    /** Whether recipients and subjects are shown (admins only). */
    personal: z.boolean(),
    /** The cursor of the next (older) page, or null on the last one. */
    next: z.string().nullable(),
    /** Messages per state, over the whole outbox. */
    counts: z.record(MailStatusSchema, z.number().int()),
  })
  .meta({ id: 'OutboxPage' });

/** GET /v1/admin/outbox/{id} (admins): the message with its text; secret link tokens are masked. */
export const OutboxMessageDetail = OutboxMessage.extend({ body: z.string() }).meta({ id: 'OutboxMessageDetail' });

/** The audit log's filters: who, which module, which action, which Warsaw days (inclusive); the texts in `lang`. */
export const AuditFilter = z.object({
  staff: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().meta({ description: 'Id of the staff member who acted' }),
  module: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).optional().meta({ description: 'A module slug (see `GET /v1/admin/audit/actions`)' }),
  action: z.string().min(1).max(200).optional().meta({ description: 'An action key (see `GET /v1/admin/audit/actions`)' }),
  from: z.localDate().optional().meta({ description: 'First day, Warsaw time (YYYY-MM-DD)' }),
  to: z.localDate().optional().meta({ description: 'Last day, Warsaw time (YYYY-MM-DD), inclusive' }),
  lang: z.enum(['pl', 'en', 'uk']).default('pl'),
});

export const AuditQuery = AuditFilter.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(50),
});

/** One entry in words: who, what, which item (its title and the panel's fragment), when. */
export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string().meta({ description: 'UTC instant; shown in Warsaw time' }),
    staff: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable().meta({ description: 'null: no one was signed in (a failed sign-in)' }),
    module: z.string().nullable(),
    action: z.string().meta({ description: 'The key in the table of actions' }),
    actionLabel: z.string().meta({ description: 'The action in words, in `lang`' }),
    item: z.object({ title: z.string(), link: z.string().nullable().meta({ description: 'The panel fragment `<section>/<id>`' }) }).nullable(),
    subject: z.string().nullable(),
    details: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditPage = z
  .object({ items: z.array(AuditEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'AuditPage' });

/** The filter choices: the modules with their actions in words, and the staff members who appear in the log. */
export const AuditChoices = z
  .object({
    modules: z.array(z.object({ slug: z.string(), label: z.string(), actions: z.array(z.object({ key: z.string(), label: z.string() })) })),
    staff: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  })
  .meta({ id: 'AuditChoices' });
