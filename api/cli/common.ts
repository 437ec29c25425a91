import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { ApiError } from '../core/errors.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/database.js';

/** Where `npm start` keeps its generated secret, next to the default SQLite file. */
export const SECRET_FILE = resolve('data', 'secret');

/** A failure the user can fix; printed without a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/**
 * The secret to use when `SECRET` is unset: the one kept in `./data/secret`, or (with `create`) a
 * new one written there with mode 0600, so restarts keep sessions and signed challenges valid.
 */
export function persistedSecret(create: boolean): string | undefined {
  if (process.env.SECRET) return undefined;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, 'utf8').trim();
  if (!create) return undefined;
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(SECRET_FILE), { recursive: true });
  writeFileSync(SECRET_FILE, secret + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(SECRET_FILE, 0o600);
  return secret;
}

/**
 * Configuration for a command. Maintenance commands never sign anything, so without a secret
 * they get a throwaway one rather than refusing to run.
 */
export function cliConfig(options: { createSecret?: boolean } = {}): Config {
  const secret = persistedSecret(options.createSecret ?? false) ?? (options.createSecret ? undefined : randomBytes(32).toString('base64url'));
  return loadConfig(process.env, secret);
}

/** Opens and migrates the configured database, runs `fn`, and always closes it. */
export async function withDatabase<T>(config: Config, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

/**
 * Runs a command: readable messages for expected failures, exit code 2 for bad configuration or
 * usage. `keepAlive` leaves a server running after `main` resolves.
 */
export function runCli(main: () => Promise<void>, options: { keepAlive?: boolean } = {}): void {
  main().then(
    () => {
      if (!options.keepAlive) process.exit();
    },
    (err: unknown) => {
      if (err instanceof ConfigError) {
        console.error(err.message);
        process.exit(2);
      }
      if (err instanceof CliError) {
        console.error(`Error: ${err.message}`);
        process.exit(err.exitCode);
      }
      if (err instanceof ApiError) {
        console.error(`Error: ${err.message}`);
        process.exit(1);
      }
      console.error(err);
      process.exit(1);
    },
  );
}

/** A password people can type: 20 characters from a 64-letter alphabet (120 bits). */
export const generatePassword = () => randomBytes(15).toString('base64url');
