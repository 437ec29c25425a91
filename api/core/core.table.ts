import type { Generated } from 'kysely';
import type { StaffRole } from '../../common/taxonomy.js';

/** Timestamps are ISO-8601 UTC strings (`Date#toISOString()`), so they sort and compare as text on both dialects. */
export type Timestamp = string;
/** Booleans are 0/1 integers on both dialects. */
export type Flag = 0 | 1;

export interface StaffUserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: StaffRole;
  district: number | null;
  totp_secret: string | null;
  /** The last accepted TOTP time step (30 s each since the epoch); codes of this step or older are refused. */
  totp_last_step: number | null;
  disabled: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: Timestamp | null;
  /** When the member last chose a password; null while their invitation waits. */
  password_set_at: Timestamp | null;
}

export interface StaffSessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  staff_id: string | null;
  action: string;
  subject: string | null;
  details: string | null;
  ip_hash: string | null;
  request_id: string | null;
}

export interface RateLimitTable {
  bucket: string;
  window_start: Timestamp;
  count: number;
}

export interface LoginThrottleTable {
  /** `account:<sha256 of e-mail>`, `device:<id>` or `ip:<ip hash>`. */
  key: string;
  /** Attempts claimed in the current run of failures (successes are given back). */
  attempts: number;
  /** No attempt is evaluated before this time. */
  next_at: Timestamp;
  updated_at: Timestamp;
}

export interface PowSpentTable {
  signature: string;
  expires_at: Timestamp;
}

export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

export interface SecretLinkTable {
  id: string;
  token_hash: string;
  purpose: string;
  subject_id: string;
  email: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  template: string;
  lang: string;
  /** `logged`: no SMTP_URL was set, so the message went to the log instead (kept like sent mail). */
  status: 'pending' | 'sent' | 'logged' | 'failed';
  attempts: number;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** JSON `{ filename, contentType, base64 }[]`, or null. */
  attachments: string | null;
}

export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface CoreTables {
  staff_user: StaffUserTable;
  staff_session: StaffSessionTable;
  audit_log: AuditLogTable;
  rate_limit: RateLimitTable;
  login_throttle: LoginThrottleTable;
  pow_spent: PowSpentTable;
  idempotency_key: IdempotencyKeyTable;
  secret_link: SecretLinkTable;
  mail_outbox: MailOutboxTable;
  app_setting: AppSettingTable;
}
// Generated is re-exported for feature tables that use database defaults.
export type { Generated };
