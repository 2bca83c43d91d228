import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Absent: the embedded PostgreSQL under `dataDir` is started. */
  databaseUrl: string | undefined;
  /** The PostgreSQL schema Stagecraft's tables live in; absent: the connection's default (public). */
  databaseSchema: string | undefined;
  embeddedPostgresPort: number;
  /** Absent: background jobs run in-process. */
  redisUrl: string | undefined;
  logLevel: LogLevel;
  loadDemo: boolean;
  timeZone: string;
}

/** A setting that cannot be used; its message is the one line `npm start` prints before exiting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Every setting comes from the environment; `.env.example` lists them with their defaults. */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: readPort(env, 'STAGECRAFT_PORT', 3000),
    host: readString(env, 'STAGECRAFT_HOST', '127.0.0.1'),
    dataDir: path.resolve(readString(env, 'STAGECRAFT_DATA', './.stagecraft')),
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseSchema: readIdentifier(env, 'STAGECRAFT_DB_SCHEMA'),
    embeddedPostgresPort: readPort(env, 'STAGECRAFT_EMBEDDED_PG_PORT', 54329),
    redisUrl: readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    logLevel: readChoice(env, 'STAGECRAFT_LOG_LEVEL', ['debug', 'info', 'warn', 'error'], 'info'),
    loadDemo: readBoolean(env, 'STAGECRAFT_DEMO', true),
    timeZone: readTimeZone(env, 'STAGECRAFT_TIME_ZONE', 'Asia/Shanghai'),
  };
}

function present(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function readString(env: Env, name: string, fallback: string): string {
  return present(env, name) ?? fallback;
}

function readPort(env: Env, name: string, fallback: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a port: expected a whole number from 1 to 65535.`);
  }
  return port;
}

function readUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = present(env, name);
  if (raw === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new ConfigError(`${name} is not a URL: expected ${protocols[0]}//user@host:port/...`);
  }
  if (!protocols.includes(protocol)) {
    // The value may carry a password, so only its scheme is echoed.
    throw new ConfigError(`${name} has the scheme ${protocol} but expected ${protocols.join(' or ')}.`);
  }
  return raw;
}

function readIdentifier(env: Env, name: string): string | undefined {
  const raw = present(env, name);
  if (raw !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a schema name: expected lower-case letters, digits and _.`);
  }
  return raw;
}

function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not allowed: expected one of ${choices.join(', ')}.`);
  }
  return raw as T;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a yes/no value: expected true or false.`);
}

function readTimeZone(env: Env, name: string, fallback: string): string {
  const raw = present(env, name) ?? fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a time zone: expected an IANA name such as Asia/Shanghai.`);
  }
  return raw;
}
