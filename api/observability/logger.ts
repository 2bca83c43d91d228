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

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => {
      if (secretKey.test(key)) return [key, '[redacted]'];
      if (value instanceof Error) return [key, { name: value.name, message: redactUrls(value.message), stack: value.stack }];
      if (typeof value === 'string') return [key, redactUrls(value)];
      return [key, value];
    }),
  );
}

/** Connection strings carry passwords: `postgres://user:secret@host` is logged as `postgres://user:***@host`. */
export function redactUrls(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1***@');
}
