import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { Logger } from './log.js';

// PLACEHOLDER: replaced by the real outbox implementation.
export interface Mailer {
  /** Renders a registered template in `lang` and puts it in the outbox. */
  enqueue(input: { to: string; template: string; lang: string; data: Record<string, unknown> }): Promise<string>;
  /** Sends what is due; returns how many went out. */
  flush(): Promise<number>;
}

export function createMailer(_db: Kysely<Database>, _config: Config, _log: Logger): Mailer {
  return { enqueue: async () => '', flush: async () => 0 };
}
