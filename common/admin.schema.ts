import * as z from './zod.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './admin.js';
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

export const AuditEntry = z
  .object({ id: z.string(), at: z.string(), staffId: z.string().nullable(), action: z.string(), subject: z.string().nullable(), details: z.unknown() })
  .meta({ id: 'AuditEntry' });
