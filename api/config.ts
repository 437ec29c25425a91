import * as z from '../common/zod.js';

/** Runtime configuration, read from environment variables and validated at start. */
export interface Config {
  port: number;
  host: string;
  /** Public base URL (`https://ngo.example.org`), used in mailed links. Defaults to `http://localhost:PORT`. */
  publicUrl: string;
  /** The staff panel's page, the base of the links in staff mail (`…#<section>/<id>`). Defaults to the demo panel, `PUBLIC_URL/demo/admin.html`. */
  staffPanelUrl: string;
  /** `sqlite:./data/ngo.db`, a file path, `:memory:`, or `postgres://…`. */
  databaseUrl: string;
  /** Sites allowed to embed and call the public API; `null` means any site. */
  allowedOrigins: string[] | null;
  smtpUrl: string | null;
  mailFrom: string;
  /** Server secret: salts IP hashes and signs proof-of-work challenges. */
  secret: string;
  /** Trust `X-Forwarded-For` / `X-Forwarded-Proto` from a reverse proxy. */
  trustProxy: boolean;
  /** Maximum JSON body in bytes. */
  bodyLimit: number;
  /** Proof-of-work difficulty (the largest number a client may have to try). */
  powMaxNumber: number;
  /** Minimum time in ms between fetching a challenge and submitting a form. */
  minFillMs: number;
  sessionTtlHours: number;
  /** Days personal data is kept: sent mail, the audit log, event registrants after their event ends, and advice cases (with their files) after closing. */
  retention: { sentMailDays: number; auditDays: number; eventRegistrationDays: number; adviceDays: number };
  /** Uploaded files: a folder, or an S3-compatible bucket when `s3` is set (several instances). */
  files: { dir: string; s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Development only: without SMTP, write whole mail (recipient, subject, text with live links) to the log. */
  logMailBodies: boolean;
  /** Seed demo data on first start. */
  seedDemo: boolean;
  /** Public reads under load (`api/core/reads.ts`). */
  /**
   * Who runs the service, on the pages that e-mailed links open (confirmations, owner edits,
   * consultations): the name in the header and the `<title>`, the logo, and a link back to its portal.
   */
  operator: { name: string; url: string | null; logoUrl: string | null };
  /**
   * Place search on the map (`GET /v1/map/places`): a Nominatim-compatible service at `url`
   * (`GEOCODER_URL`, off when unset: nothing calls a third party unasked), asked at most
   * `perMinute` times a minute by all instances together (`GEOCODER_PER_MINUTE`, default 60, as
   * OpenStreetMap's public Nominatim allows), each client at most `clientPerMinute` times.
   */
  geocoder: { url: string | null; perMinute: number; clientPerMinute: number };
  reads: {
    /** PostgreSQL: statement timeout of a public read's queries, in seconds. */
    timeoutSeconds: number;
    /** Public reads running at once; more wait in the queue. */
    concurrency: number;
    /** Reads that may wait; past that they are refused (503). */
    queue: number;
    /** How long a read may wait for its turn (and, on PostgreSQL, for a connection), in ms. */
    queueMs: number;
    /** Event-loop lag above which public reads are refused at once (503), in ms. */
    maxLagMs: number;
    /** Public reads per client (IP) per minute; 0 turns the limit off. */
    rateLimit: number;
    /** Whether repeated public reads are answered from the in-process body cache (`memoJson`); off only to measure the uncached cost. */
    bodyCache: boolean;
    /**
     * Heavy public reads: file exports (`format=csv|xlsx|geojson|docx`) run in a lane of their own,
     * so a burst of them cannot take the places of ordinary reads: `exportConcurrency` at once, a
     * queue of `exportQueue` waiting up to `exportQueueMs`, and `exportRateLimit` per client per
     * minute (0: off). Built files are kept gzipped per data version, up to `exportCacheMb` in all.
     */
    exportConcurrency: number;
    exportQueue: number;
    exportQueueMs: number;
    exportRateLimit: number;
    exportCacheMb: number;
  };
}

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  STAFF_PANEL_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.string().default('sqlite:./data/ngo.db'),
  ALLOWED_ORIGINS: z.string().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('WiP NGO <no-reply@localhost>'),
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: bool.default(false),
  BODY_LIMIT: z.coerce.number().int().min(1024).default(64 * 1024),
  POW_MAX_NUMBER: z.coerce.number().int().min(10).default(50_000),
  MIN_FILL_MS: z.coerce.number().int().min(0).default(3000),
  OPERATOR_NAME: z.string().trim().min(1).max(120).default('WiP NGO'),
  OPERATOR_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPERATOR_LOGO_URL: z.url({ protocol: /^https?$/ }).optional(),
  GEOCODER_URL: z.url({ protocol: /^https?$/ }).optional(),
  GEOCODER_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  GEOCODER_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).default(12),
  RETENTION_SENT_MAIL_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_AUDIT_DAYS: z.coerce.number().int().min(30).default(730),
  RETENTION_EVENT_REGISTRATION_DAYS: z.coerce.number().int().min(1).default(90),
  RETENTION_ADVICE_DAYS: z.coerce.number().int().min(1).default(180),
  FILES_DIR: z.string().min(1).default('./data/files'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  LOG_MAIL_BODIES: bool.default(false),
  SEED_DEMO: bool.default(true),
  READ_TIMEOUT_SECONDS: z.coerce.number().min(0.05).max(120).default(5),
  READ_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
  READ_QUEUE: z.coerce.number().int().min(0).max(100_000).default(200),
  READ_QUEUE_MS: z.coerce.number().int().min(1).max(60_000).default(2000),
  READ_MAX_LAG_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  READ_RATE_LIMIT: z.coerce.number().int().min(0).default(1200),
  READ_BODY_CACHE: bool.default(true),
  EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  EXPORT_QUEUE: z.coerce.number().int().min(0).max(10_000).default(50),
  EXPORT_QUEUE_MS: z.coerce.number().int().min(1).max(300_000).default(30_000),
  EXPORT_RATE_LIMIT: z.coerce.number().int().min(0).default(30),
  EXPORT_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  NODE_ENV: z.string().optional(),
});

export class ConfigError extends Error {}

/** Reads the configuration; throws a `ConfigError` listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, fallbackSecret?: string): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const origins = e.ALLOWED_ORIGINS?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  for (const o of origins) {
    if (!/^https?:\/\/[^/]+$/.test(o)) throw new ConfigError(`Invalid configuration:\n  ALLOWED_ORIGINS: "${o}" is not an origin like https://example.org`);
  }
  const s3Given = [e.S3_ENDPOINT, e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY].filter(Boolean).length;
  if (s3Given > 0 && s3Given < 4) throw new ConfigError('Invalid configuration:\n  S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set all four, or none');
  const secret = e.SECRET ?? fallbackSecret;
  if (!secret) throw new ConfigError('Invalid configuration:\n  SECRET: required (at least 32 characters)');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    staffPanelUrl: e.STAFF_PANEL_URL ?? `${(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')}/demo/admin.html`,
    databaseUrl: e.DATABASE_URL,
    allowedOrigins: origins.length ? origins : null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    secret,
    trustProxy: e.TRUST_PROXY,
    bodyLimit: e.BODY_LIMIT,
    powMaxNumber: e.POW_MAX_NUMBER,
    minFillMs: e.MIN_FILL_MS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    retention: { sentMailDays: e.RETENTION_SENT_MAIL_DAYS, auditDays: e.RETENTION_AUDIT_DAYS, eventRegistrationDays: e.RETENTION_EVENT_REGISTRATION_DAYS, adviceDays: e.RETENTION_ADVICE_DAYS },
    files: {
      dir: e.FILES_DIR,
      s3: s3Given === 4 ? { endpoint: e.S3_ENDPOINT!, bucket: e.S3_BUCKET!, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! } : null,
    },
    logLevel: e.LOG_LEVEL,
    logMailBodies: e.LOG_MAIL_BODIES,
    seedDemo: e.SEED_DEMO,
    operator: { name: e.OPERATOR_NAME, url: e.OPERATOR_URL ?? null, logoUrl: e.OPERATOR_LOGO_URL ?? null },
    geocoder: { url: e.GEOCODER_URL ?? null, perMinute: e.GEOCODER_PER_MINUTE, clientPerMinute: e.GEOCODER_CLIENT_PER_MINUTE },
    reads: {
      timeoutSeconds: e.READ_TIMEOUT_SECONDS,
      concurrency: e.READ_CONCURRENCY,
      queue: e.READ_QUEUE,
      queueMs: e.READ_QUEUE_MS,
      maxLagMs: e.READ_MAX_LAG_MS,
      rateLimit: e.READ_RATE_LIMIT,
      bodyCache: e.READ_BODY_CACHE,
      exportConcurrency: e.EXPORT_CONCURRENCY,
      exportQueue: e.EXPORT_QUEUE,
      exportQueueMs: e.EXPORT_QUEUE_MS,
      exportRateLimit: e.EXPORT_RATE_LIMIT,
      exportCacheMb: e.EXPORT_CACHE_MB,
    },
  };
}

/** A configuration for tests: fast proof of work, no fill delay, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    // The read gate's rate limit and lag refusal stay off: a shared, loaded test machine would trip them at random (api/core/reads.test.ts turns them on).
    ...loadConfig({ SECRET: 'test-secret-test-secret-test-secret!', LOG_LEVEL: 'silent', POW_MAX_NUMBER: '10', MIN_FILL_MS: '0', TRUST_PROXY: '1', READ_RATE_LIMIT: '0', EXPORT_RATE_LIMIT: '0', READ_MAX_LAG_MS: '60000' }),
    ...overrides,
  };
}
