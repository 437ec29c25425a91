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
  })
  .meta({ id: 'StaffUser' });

export const SessionInfo = z
  .object({
    staff: StaffUser.omit({ disabled: true, lastLoginAt: true }),
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
