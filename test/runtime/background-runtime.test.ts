import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config/config.ts';
import { closeOrm } from '../../api/database/close-orm.ts';
import { migrateToLatest, openOrm } from '../../api/database/orm.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { startBackgroundRuntime } from '../../api/runtime/background-runtime.ts';
import { createTestSchema, type TestSchema } from '../support/test-schema.ts';
import { enqueueRecorded } from './support/enqueue-recorded.ts';
import { createRecordingTable, insertRecordedMessages, recordedTopic, recordingHandler } from './support/recording-handler.ts';
import type { MikroORM } from '@mikro-orm/postgresql';

let schema: TestSchema;
let orm: MikroORM;

beforeAll(async () => {
  schema = await createTestSchema('background_runtime');
  orm = await openOrm({ databaseUrl: schema.url, schema: schema.name, poolMax: 6 });
  await migrateToLatest(orm);
  await createRecordingTable(schema.pool);
});
afterAll(async () => {
  if (orm !== undefined) await closeOrm(orm);
  await schema?.drop();
});

async function waitFor(what: string, condition: () => Promise<boolean>, withinMs = 15_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${withinMs} ms`);
    await sleep(25);
  }
}

const statusCounts = async (prefix: string) =>
  Object.fromEntries(
    (await schema.pool.query('select status, count(*)::int as n from outbox where idempotency_key like $1 group by status', [`${prefix}-%`])).rows.map(
      (row) => [row.status, row.n],
    ),
  );

describe('the background runtime of the embedded default (in-process queue)', () => {
  it('delivers committed messages on the commit nudge alone, and the sweep finds messages nobody nudged', async () => {
    // A sweep once an hour: after the first (at start), only nudges can deliver within this test.
    const settings = { ...loadConfig({}), databaseSchema: schema.name, outboxSweepMs: 3_600_000, workerConcurrency: 2 };
    const runtime = await startBackgroundRuntime({
      orm,
      logger: createLogger('error', () => {}),
      settings,
      workers: true,
      handlers: { [recordedTopic]: recordingHandler() },
    });
    try {
      // Let the sweep at start find the outbox empty and go to sleep.
      await sleep(300);
      await enqueueRecorded(orm, 'nudged', 0, 20);
      await waitFor('nudged messages delivered', async () => (await statusCounts('nudged')).done === 20);
      expect(runtime.worker!.delivered.byNudge).toBe(20);

      // Written with raw SQL, these get no nudge: they wait for a sweep.
      await insertRecordedMessages(schema.pool, 'unnudged', 0, 5);
      await sleep(300);
      expect(await statusCounts('unnudged')).toEqual({ pending: 5 });
    } finally {
      await runtime.stop();
    }

    const swept = await startBackgroundRuntime({
      orm,
      logger: createLogger('error', () => {}),
      settings: { ...settings, outboxSweepMs: 50 },
      workers: true,
      handlers: { [recordedTopic]: recordingHandler() },
    });
    try {
      await waitFor('swept messages delivered', async () => (await statusCounts('unnudged')).done === 5);
      expect(swept.worker!.delivered.bySweep).toBeGreaterThanOrEqual(5);
    } finally {
      await swept.stop();
    }
    const { rows } = await schema.pool.query("select count(*)::int as n, count(distinct idempotency_key)::int as keys from recorded_effect where idempotency_key similar to '(nudged|unnudged)-%'");
    expect(rows[0]).toEqual({ n: 25, keys: 25 });
  });

  it('lets deliveries under way finish when stopped, and starts no new ones', async () => {
    const runtime = await startBackgroundRuntime({
      orm,
      logger: createLogger('error', () => {}),
      settings: { ...loadConfig({}), databaseSchema: schema.name, outboxSweepMs: 20, workerConcurrency: 2 },
      workers: true,
      handlers: { [recordedTopic]: recordingHandler({ delayMs: 100 }) },
    });
    await insertRecordedMessages(schema.pool, 'draining', 0, 40);
    await waitFor('deliveries under way', async () => runtime.worker!.delivered.bySweep + runtime.worker!.delivered.byNudge > 0 || (await statusCounts('draining')).done > 0);
    await runtime.stop();
    const counts = await statusCounts('draining');
    expect(counts.done).toBeGreaterThan(0);
    expect(counts.done + counts.pending).toBe(40);
    await sleep(200);
    expect(await statusCounts('draining')).toEqual(counts);
    const { rows } = await schema.pool.query("select count(*)::int as n from recorded_effect where idempotency_key like 'draining-%'");
    expect(rows[0].n).toBe(counts.done);
  });
});
