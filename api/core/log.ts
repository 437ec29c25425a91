/** Structured JSON logs, one object per line, on stdout. */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** A value the logger writes as it is, past the redaction below (mail bodies with LOG_MAIL_BODIES=1). */
class Unredacted {
  constructor(readonly value: unknown) {}
}
export const unredacted = (value: unknown) => new Unredacted(value);

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
/** Query parameters that carry secret-link tokens (`?confirm=…`, `&edit=…`, `token=…`). */
const TOKEN_PARAM = /([?&](?:token|confirm|confirm-support|edit|[\w-]*token)=)[^&\s"']+/gi;

/** Masks e-mail addresses and link tokens in a string, wherever it came from (an error message, a URL). */
export const redact = (s: string) => s.replace(EMAIL, '[email]').replace(TOKEN_PARAM, '$1[token]');

// A safety net under every log line: code should not log personal data, and this catches what slips
// through, e.g. an SMTP error quoting the recipient, or a database error quoting a value.
function scrub(value: unknown, depth = 0): unknown {
  if (value instanceof Unredacted) return value.value;
  if (typeof value === 'string') return redact(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

export function createLogger(level: Level | 'silent' = 'info', base: Record<string, unknown> = {}, write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...(scrub({ ...base, ...fields }) as object) }));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}
