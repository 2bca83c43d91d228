import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config/config.ts';
import { closeOrm } from '../../api/database/close-orm.ts';
import { migrateToLatest, openOrm } from '../../api/database/orm.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { startBackgroundRuntime, type BackgroundRuntime } from '../../api/runtime/background-runtime.ts';
import { startRedisServer } from '../support/redis-server.ts';
import { freePort, redisAnswers } from '../support/service-probe.ts';
import { createTestSchema, type TestSchema } from '../support/test-schema.ts';
import { enqueueRecorded } from './support/enqueue-recorded.ts';
import { createRecordingTable, recordedTopic, recordingHandler } from './support/recording-handler.ts';

// A Redis of our own (nothing kept on disk), so stopping it touches no other test; it comes back empty, as a Redis
// that lost its data would: every nudge queued in it is gone, the outbox rows are not.
let redis: ChildProcess | undefined;
let schema: TestSchema;
let orm: MikroORM;
let runtime: BackgroundRuntime | undefined;

beforeAll(async () => {
  schema = await createTestSchema('outbox_redis_outage');
  orm = await openOrm({ databaseUrl: schema.url, schema: schema.name, poolMax: 6 });
  await migrateToLatest(orm);
  await createRecordingTable(schema.pool);
});
afterAll(async () => {
  await runtime?.stop();
  redis?.kill('SIGKILL');
  if (orm !== undefined) await closeOrm(orm);
  await schema?.drop();
});

async function waitFor(what: string, condition: () => Promise<boolean>, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${withinMs} ms`);
    await sleep(50);
  }
}

const doneCount = async () =>
  (await schema.pool.query("select count(*)::int as n from outbox where status = 'done' and topic = $1", [recordedTopic])).rows[0].n as number;

describe('outbox dispatch while Redis is away', () => {
  it('loses nothing when Redis stops during dispatch, and takes nudges through Redis again once it is back', async () => {
    const port = await freePort();
    redis = await startRedisServer(port);
    const warnings: string[] = [];
    runtime = await startBackgroundRuntime({
      orm,
      logger: createLogger('warn', (line) => warnings.push(line)),
      settings: {
        ...loadConfig({}),
        redisUrl: `redis://127.0.0.1:${port}`,
        databaseSchema: schema.name,
        outboxSweepMs: 500,
        workerConcurrency: 2,
      },
      workers: true,
      handlers: { [recordedTopic]: recordingHandler({ delayMs: 5 }) },
    });
    const worker = runtime.worker!;

    await enqueueRecorded(orm, 'before', 0, 200);
    await waitFor('dispatch under way', async () => worker.delivered.byNudge > 0, 10_000);
    redis.kill('SIGKILL');
    await once(redis, 'exit');

    // Committed while Redis is away: their nudges fail (logged), the rows wait in PostgreSQL for the sweep.
    await enqueueRecorded(orm, 'during', 0, 100);
    await sleep(1_500);
    redis = await startRedisServer(port);
    await waitFor('Redis answering', () => redisAnswers(`redis://127.0.0.1:${port}`), 5_000);

    // Once BullMQ has reconnected, a nudge goes through Redis again: keep committing one message until one is
    // delivered by its job rather than by the sweep.
    const byNudgeAtReturn = worker.delivered.byNudge;
    let after = 0;
    await waitFor(
      'a nudge delivered through Redis after its return',
      async () => {
        await enqueueRecorded(orm, 'after', after++, 1);
        await sleep(100);
        return worker.delivered.byNudge > byNudgeAtReturn;
      },
      20_000,
    );

    const total = 200 + 100 + after;
    await waitFor('every message delivered', async () => (await doneCount()) === total, 20_000);
    const { rows } = await schema.pool.query(
      'select count(*)::int as deliveries, count(distinct idempotency_key)::int as keys from recorded_effect',
    );
    expect(rows[0]).toEqual({ deliveries: total, keys: total });
    const statuses = await schema.pool.query('select status, count(*)::int as n from outbox group by status');
    expect(statuses.rows).toEqual([{ status: 'done', n: total }]);
    expect(warnings.some((line) => line.includes('outbox nudge not queued'))).toBe(true);
    console.log(JSON.stringify({ total, byNudge: worker.delivered.byNudge, bySweep: worker.delivered.bySweep, probesAfterReturn: after }));
  }, 60_000);
});
