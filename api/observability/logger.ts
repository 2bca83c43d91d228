import type { LogLevel } from '../config/config.ts';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Keys whose values never reach a log, whatever the caller passes.
const secretKey = /pass(word)?|secret|token|cookie|authorization|hash/i;

/** JSON lines on stderr, so stdout stays for what a person reads (the URL, the demo logins). */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const log = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (order[at] < order[level]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: at, message, ...redact(fields) })}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function redact(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, secretKey.test(key) ? '[redacted]' : redactValue(value, depth)]));
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactSecrets(value.message), stack: value.stack === undefined ? undefined : redactSecrets(value.stack) };
  }
  // Nested request bodies and option objects carry secrets too; the depth cap keeps a cyclic object from looping.
  if (Array.isArray(value)) return depth > 5 ? '[deep]' : value.map((item) => redactValue(item, depth + 1));
  if (isPlainObject(value)) return depth > 5 ? '[deep]' : redact(value, depth + 1);
  return value;
}

/** Object literals and parsed JSON; a Date or a Buffer keeps its own JSON form. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Connection strings carry passwords: `postgres://user:secret@host` is logged as `postgres://user:***@host`. */
export function redactUrls(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1***@');
}

/**
 * Database errors can quote a failing row ("Failing row contains (…)"), password hash included; a hash is as good
 * as a password to an offline guesser, so it never reaches a log line.
 */
export function redactSecrets(text: string): string {
  return redactUrls(text).replace(/scrypt\$[^\s,)'"]*/g, 'scrypt$[redacted]');
}
