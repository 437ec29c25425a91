import type { Migration } from 'kysely';
import * as createCore from './2026_11_25_1950_create_core.js';

/** Every migration, in order. A static list, so bundlers and tsx need no directory scanning. */
export const migrations: Record<string, Migration> = {
  '2026_11_25_1950_create_core': createCore,
};
