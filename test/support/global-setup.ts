import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../api/database/embedded-postgres-server.ts';
import { startRedisServer } from './redis-server.ts';
import { freePort, postgresAnswers, redisAnswers } from './service-probe.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
  }
}

const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/test';
const defaultRedisUrl = 'redis://127.0.0.1:6379';

/**
 * Finds the PostgreSQL and Redis the integration tests use: the ones named by TEST_DATABASE_URL / TEST_REDIS_URL
 * (or the local defaults) when they answer, otherwise our own, started here and stopped after the run, so `npm test`
 * needs nothing but the README on a fresh machine.
 */
export default async function setup(project: TestProject) {
  const stops: Array<() => Promise<void>> = [];

  let databaseUrl = process.env.TEST_DATABASE_URL ?? defaultDatabaseUrl;
  if (!(await postgresAnswers(databaseUrl))) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stagecraft-test-pg-'));
    const handle: EmbeddedPostgresHandle = await startEmbeddedPostgres(dataDir, await freePort());
    databaseUrl = handle.url;
    stops.push(() => handle.stop());
  }

  let redisUrl = process.env.TEST_REDIS_URL ?? defaultRedisUrl;
  if (!(await redisAnswers(redisUrl))) {
    const port = await freePort();
    const redis = await startRedisServer(port);
    redisUrl = `redis://127.0.0.1:${port}`;
    stops.push(async () => {
      redis.kill('SIGTERM');
    });
  }

  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', redisUrl);
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
