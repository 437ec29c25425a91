import { sql, type Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { purgeSpentChallenges } from './abuse.js';
import { purgeIdempotencyKeys } from './idempotency.js';
import { purgeLoginThrottle } from './login-throttle.js';
import { nowIso } from './ids.js';
import type { Logger } from './log.js';
import { repeat } from './jobs.js';
import { purgeSentMail } from './mail.js';
import { purgeRateLimits } from './rate-limit.js';
import { purgeSecretLinks } from './secret-links.js';
import { inTransaction } from './transaction.js';
import { isPostgres } from '../db/database.js';

const DAY = 24 * 3600_000;

/**
 * One scheduled deletion of personal or stale data. Modules list theirs in their manifest
 * (e.g. `advice:requests` deletes advice requests past their retention period), and keep counts
 * rather than rows where statistics matter.
 */
export interface RetentionRule {
  /** Unique over the module list, `<slug>:<what>`. */
  name: string;
  /** One sentence for operators (`npm run purge` prints it). */
  describe: string;
  /** Deletes what is due at `now`; returns how many rows went. */
  run: (db: Kysely<Database>, now: Date, config: Config) => Promise<number>;
}

export interface PurgeResult {
  name: string;
  deleted: number;
  /** Set when this rule failed; the other rules still ran. */
  error?: string;
}

/**
 * Runs every rule once (`retentionOf(modules)`, in list order). A failing rule is reported in its
 * result and does not stop the others.
 */
export async function runPurge(db: Kysely<Database>, config: Config, rules: readonly RetentionRule[], now = new Date()): Promise<PurgeResult[]> {
  const results: PurgeResult[] = [];
  for (const rule of rules) {
    try {
      results.push({ name: rule.name, deleted: await rule.run(db, now, config) });
    } catch (err) {
      results.push({ name: rule.name, deleted: 0, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return results;
}

/**
 * Runs the purge now and then every `intervalMs` (never two at once in this process). Several
 * instances may run it side by side: every rule is a plain conditional DELETE. Returns a stop
 * function that waits for a run in progress.
 */
export function startPurgeSchedule(db: Kysely<Database>, config: Config, log: Logger, intervalMs: number, rules: readonly RetentionRule[]): () => Promise<void> {
  const purge = async () => {
    const results = await runPurge(db, config, rules);
    for (const r of results) if (r.error) log.error('purge failed', { rule: r.name, err: r.error });
    const deleted = results.filter((r) => r.deleted > 0);
    if (deleted.length) log.info('purged', Object.fromEntries(deleted.map((r) => [r.name, r.deleted])));
  };
  return repeat(purge, intervalMs, (err) => log.error('purge failed', { err: String(err) }));
}

const deleted = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);

/** The core kit's own rules: sessions, rate limits, sign-in throttle, proof of work, idempotency keys, secret links, mail, audit. */
export const CORE_RETENTION: readonly RetentionRule[] = [
  {
    name: 'core:sessions',
    describe: 'Staff sessions past their expiry',
    run: async (db, now) => deleted(await db.deleteFrom('staff_session').where('expires_at', '<=', nowIso(now)).executeTakeFirst()),
  },
  {
    name: 'core:rate-limits',
    describe: 'Rate-limit windows that started more than a day ago',
    run: (db, now) => purgeRateLimits(db, new Date(now.getTime() - DAY)),
  },
  {
    name: 'core:login-throttle',
    describe: 'Sign-in attempt counters quiet for more than a day',
    run: (db, now) => purgeLoginThrottle(db, new Date(now.getTime() - DAY)),
  },
  {
    name: 'core:pow-spent',
    describe: 'Spent proof-of-work challenges past their expiry',
    run: (db, now) => purgeSpentChallenges(db, now),
  },
  {
    name: 'core:idempotency-keys',
    describe: 'Idempotency keys older than 24 hours',
    run: (db, now) => purgeIdempotencyKeys(db, new Date(now.getTime() - DAY)),
  },
  {
    name: 'core:secret-links',
    describe: 'Secret links that expired or were used (with the e-mail addresses they hold)',
    run: (db, now) => purgeSecretLinks(db, now),
  },
  {
    name: 'core:sent-mail',
    describe: 'Sent, logged and failed mail older than RETENTION_SENT_MAIL_DAYS',
    run: (db, now, config) => purgeSentMail(db, new Date(now.getTime() - config.retention.sentMailDays * DAY)),
  },
  {
    name: 'core:audit-log',
    describe: 'Audit log entries older than RETENTION_AUDIT_DAYS',
    run: (db, now, config) => purgeAuditLog(db, new Date(now.getTime() - config.retention.auditDays * DAY)),
  },
];

/**
 * The one way an audit entry leaves the log: retention, for entries older than `before`. The log is
 * append-only otherwise; on PostgreSQL a trigger refuses any UPDATE, TRUNCATE or DELETE outside a
 * transaction that set `ngo.audit_purge` (migration 2026_12_02_2100), which only this function does.
 */
export function purgeAuditLog(db: Kysely<Database>, before: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    if (isPostgres(trx)) await sql`select set_config('ngo.audit_purge', 'on', true)`.execute(trx);
    return deleted(await trx.deleteFrom('audit_log').where('at', '<', nowIso(before)).executeTakeFirst());
  });
}
