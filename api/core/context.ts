import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Logger } from './log.js';
import type { StaffPrincipal } from './auth.js';
import type { Mailer } from './mail.js';
import type { ModuleManifest } from './module.js';

/** What every request handler can reach through `c.get(…)` / `c.var`. */
export interface AppVariables {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  mailer: Mailer;
  requestId: string;
  /** Salted hash of the client's IP address; raw IPs are never stored. */
  ipHash: string;
  staff?: StaffPrincipal;
  /** What a staff write adds to its audit entry (`auditWrites`): the change in words the log can show, e.g. `{ role: ['editor', 'moderator'] }`. */
  auditDetails?: Record<string, unknown>;
  /** The module list the app was built from. */
  modules: readonly ModuleManifest[];
}

export interface AppEnv {
  Variables: AppVariables;
}
