import net from 'node:net';
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
  /** Origins (scheme://host[:port]) besides the server's own whose pages may send changes with a session. */
  allowedOrigins: string[];
  /** Which proxies' X-Forwarded-For / -Proto / -Host to believe: Express's `trust proxy` setting. */
  trustProxy: TrustProxy;
  /** Run background workers (outbox dispatch) inside `npm start`; false where `npm run worker` processes do it. */
  runWorkers: boolean;
  /** How many messages one worker process delivers at the same time. */
  workerConcurrency: number;
  /** Every worker looks for due outbox messages at least this often, whatever the nudges (ms). */
  outboxSweepMs: number;
  /** Tries per outbox message, the first included, before it is parked as a dead letter. */
  outboxMaxAttempts: number;
  /** The wait after a message's first failure (ms); it doubles with each further failure, up to 10 minutes. */
  outboxRetryMs: number;
}

/** false: none; a number: that many hops; a list: those addresses, subnets or loopback / linklocal / uniquelocal. */
export type TrustProxy = boolean | number | string[];

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
    allowedOrigins: readOrigins(env, 'STAGECRAFT_ALLOWED_ORIGINS'),
    trustProxy: readTrustProxy(env, 'STAGECRAFT_TRUST_PROXY'),
    runWorkers: readBoolean(env, 'STAGECRAFT_WORKERS', true),
    workerConcurrency: readInteger(env, 'STAGECRAFT_WORKER_CONCURRENCY', 4, 1, 64),
    outboxSweepMs: readInteger(env, 'STAGECRAFT_OUTBOX_SWEEP_MS', 1_000, 10, 3_600_000),
    outboxMaxAttempts: readInteger(env, 'STAGECRAFT_OUTBOX_MAX_ATTEMPTS', 8, 1, 100),
    outboxRetryMs: readInteger(env, 'STAGECRAFT_OUTBOX_RETRY_MS', 1_000, 0, 3_600_000),
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

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not allowed: expected a whole number from ${min} to ${max}.`);
  }
  return value;
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

function readOrigins(env: Env, name: string): string[] {
  const raw = present(env, name);
  if (raw === undefined) return [];
  const items = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return items.map((item) => {
    const origin = originOf(item);
    if (origin === undefined) {
      throw new ConfigError(`${name} has ${JSON.stringify(item)}, which is not an origin: expected scheme://host[:port] such as https://crm.example.com.`);
    }
    return origin;
  });
}

/** `scheme://host[:port]` (a trailing slash allowed) as the browser writes it in Origin; undefined for anything else. */
function originOf(item: string): string | undefined {
  try {
    const url = new URL(item);
    const web = url.protocol === 'http:' || url.protocol === 'https:';
    return web && item.replace(/\/$/, '').toLowerCase() === url.origin.toLowerCase() ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const proxyNames = ['loopback', 'linklocal', 'uniquelocal'];

function readTrustProxy(env: Env, name: string): TrustProxy {
  const raw = present(env, name);
  if (raw === undefined || ['false', '0', 'no'].includes(raw)) return false;
  if (['true', 'yes'].includes(raw)) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const items = raw.split(',').map((item) => item.trim());
  for (const item of items) {
    const [address, prefix, ...rest] = item.split('/');
    const validPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (net.isIPv6(address ?? '') ? 128 : 32));
    if (!(proxyNames.includes(item) || (net.isIP(address ?? '') !== 0 && validPrefix && rest.length === 0))) {
      throw new ConfigError(
        `${name} has ${JSON.stringify(item)}, which is not a proxy: expected false, a hop count, or addresses / subnets / loopback, linklocal, uniquelocal.`,
      );
    }
  }
  return items;
}
