import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('.stagecraft'),
      databaseUrl: undefined,
      databaseSchema: undefined,
      embeddedPostgresPort: 54329,
      redisUrl: undefined,
      logLevel: 'info',
      loadDemo: true,
      timeZone: 'Asia/Shanghai',
      allowedOrigins: [],
      trustProxy: false,
      runWorkers: true,
      workerConcurrency: 4,
      outboxSweepMs: 1000,
      outboxMaxAttempts: 8,
      outboxRetryMs: 1000,
    });
  });

  it('reads every setting that is given', () => {
    const config = loadConfig({
      STAGECRAFT_PORT: '8080',
      DATABASE_URL: 'postgres://app@db:5432/crm',
      STAGECRAFT_DB_SCHEMA: 'crm_prod',
      REDIS_URL: 'redis://cache:6379',
      STAGECRAFT_LOG_LEVEL: 'warn',
      STAGECRAFT_DEMO: 'false',
      STAGECRAFT_TIME_ZONE: 'UTC',
      STAGECRAFT_ALLOWED_ORIGINS: 'https://crm.example.com, http://10.0.0.5:8080/',
      STAGECRAFT_TRUST_PROXY: 'loopback, 10.0.0.0/8',
      STAGECRAFT_WORKERS: 'false',
      STAGECRAFT_WORKER_CONCURRENCY: '8',
      STAGECRAFT_OUTBOX_SWEEP_MS: '250',
      STAGECRAFT_OUTBOX_MAX_ATTEMPTS: '3',
      STAGECRAFT_OUTBOX_RETRY_MS: '0',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://app@db:5432/crm',
      databaseSchema: 'crm_prod',
      redisUrl: 'redis://cache:6379',
      logLevel: 'warn',
      loadDemo: false,
      timeZone: 'UTC',
      allowedOrigins: ['https://crm.example.com', 'http://10.0.0.5:8080'],
      trustProxy: ['loopback', '10.0.0.0/8'],
      runWorkers: false,
      workerConcurrency: 8,
      outboxSweepMs: 250,
      outboxMaxAttempts: 3,
      outboxRetryMs: 0,
    });
  });

  it.each([
    ['STAGECRAFT_PORT', 'abc', 'STAGECRAFT_PORT="abc" is not a port: expected a whole number from 1 to 65535.'],
    ['STAGECRAFT_PORT', '70000', 'STAGECRAFT_PORT="70000" is not a port: expected a whole number from 1 to 65535.'],
    ['DATABASE_URL', 'mysql://root:secret@db/crm', 'DATABASE_URL has the scheme mysql: but expected postgres: or postgresql:.'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL is not a URL: expected postgres://user@host:port/...'],
    ['STAGECRAFT_LOG_LEVEL', 'loud', 'STAGECRAFT_LOG_LEVEL="loud" is not allowed: expected one of debug, info, warn, error.'],
    ['STAGECRAFT_DEMO', 'maybe', 'STAGECRAFT_DEMO="maybe" is not a yes/no value: expected true or false.'],
    ['STAGECRAFT_WORKERS', 'sometimes', 'STAGECRAFT_WORKERS="sometimes" is not a yes/no value: expected true or false.'],
    ['STAGECRAFT_OUTBOX_SWEEP_MS', '5', 'STAGECRAFT_OUTBOX_SWEEP_MS="5" is not allowed: expected a whole number from 10 to 3600000.'],
    ['STAGECRAFT_OUTBOX_MAX_ATTEMPTS', '0', 'STAGECRAFT_OUTBOX_MAX_ATTEMPTS="0" is not allowed: expected a whole number from 1 to 100.'],
    ['STAGECRAFT_WORKER_CONCURRENCY', '2.5', 'STAGECRAFT_WORKER_CONCURRENCY="2.5" is not allowed: expected a whole number from 1 to 64.'],
    ['STAGECRAFT_TIME_ZONE', 'Mars/Olympus', 'STAGECRAFT_TIME_ZONE="Mars/Olympus" is not a time zone: expected an IANA name such as Asia/Shanghai.'],
    [
      'STAGECRAFT_ALLOWED_ORIGINS',
      'https://crm.example.com/app',
      'STAGECRAFT_ALLOWED_ORIGINS has "https://crm.example.com/app", which is not an origin: expected scheme://host[:port] such as https://crm.example.com.',
    ],
    [
      'STAGECRAFT_TRUST_PROXY',
      'the-proxy',
      'STAGECRAFT_TRUST_PROXY has "the-proxy", which is not a proxy: expected false, a hop count, or addresses / subnets / loopback, linklocal, uniquelocal.',
    ],
    ['STAGECRAFT_DB_SCHEMA', 'Drop Table', 'STAGECRAFT_DB_SCHEMA="Drop Table" is not a schema name: expected lower-case letters, digits and _.'],
  ])('rejects %s=%s with one line that names it and what was expected', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new ConfigError(message));
  });

  it('never echoes a password from a rejected connection string', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/crm' })).toThrow(/^(?!.*hunter2)/);
  });
});

describe('proxies to believe', () => {
  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['127.0.0.1, ::1, fd00::/8', ['127.0.0.1', '::1', 'fd00::/8']],
  ])('reads STAGECRAFT_TRUST_PROXY=%s', (raw, expected) => {
    expect(loadConfig({ STAGECRAFT_TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });
});
