import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBullmqJobQueue } from '../../adapters/job-queue/bullmq-job-queue.ts';
import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import { closeOrm } from '../../api/database/close-orm.ts';
import { migrateToLatest, openOrm } from '../../api/database/orm.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { jobQueueNudge } from '../../api/outbox/outbox-nudge.ts';
import { deleteRedisKeys } from '../support/redis-keys.ts';
import { createTestSchema, type TestSchema } from '../support/test-schema.ts';
import { createRecordingTable, insertRecordedMessages } from './support/recording-handler.ts';
import { spawnRecordingWorker, type WorkerProcess } from './support/worker-processes.ts';

const effects = 1_000;
const kills = 10;
const batch = effects / kills;

let schema: TestSchema;
let dir: string;
let jobQueue: JobQueue | undefined;
const workers = new Set<WorkerProcess>();
const redisUrl = inject('redisUrl');

beforeAll(async () => {
  schema = await createTestSchema('outbox_kill');
  const orm = await openOrm({ databaseUrl: schema.url, schema: schema.name, poolMax: 2 });
  await migrateToLatest(orm);
  await closeOrm(orm);
  await createRecordingTable(schema.pool);
  dir = await mkdtemp(path.join(os.tmpdir(), 'stagecraft-kill-'));
});
afterAll(async () => {
  for (const worker of workers) worker.child.kill('SIGKILL');
  await jobQueue?.close();
  await deleteRedisKeys(redisUrl, `stagecraft-${schema.name}`);
  await schema?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('outbox workers killed with SIGKILL', () => {
  it(`delivers each of ${effects} effects exactly once while a worker is killed ${kills} times`, async () => {
    const callsFile = path.join(dir, 'calls.jsonl');
    const env = {
      REDIS_URL: redisUrl,
      STAGECRAFT_OUTBOX_SWEEP_MS: '100',
      STAGECRAFT_WORKER_CONCURRENCY: '2',
      RECORDING_FILE: callsFile,
      RECORDING_DELAY_MS: '10',
    };
    const starting = new Set<Promise<WorkerProcess>>();
    const start = () => {
      const started = spawnRecordingWorker(schema, env).then((worker) => {
        workers.add(worker);
        return worker;
      });
      starting.add(started);
      void started.finally(() => starting.delete(started)).catch(() => {});
      return started;
    };
    await Promise.all([start(), start(), start()]);
    // The API's side of the nudge: a job per message on the workers' queue (the same prefix the runtime derives).
    jobQueue = createBullmqJobQueue({ redisUrl, prefix: `stagecraft-${schema.name}`, onError: () => {} });
    const nudge = jobQueueNudge(jobQueue, createLogger('error', () => {}));

    const killedPids: number[] = [];
    let killedMidDelivery = 0;
    for (let round = 0; round < kills; round++) {
      await insertRecordedMessages(schema.pool, 'kill', round * batch, batch);
      const { rows } = await schema.pool.query("select id::int from outbox where idempotency_key like 'kill-%' order by id desc limit $1", [batch]);
      await nudge(rows.map((row) => row.id));
      while (workers.size === 0) await Promise.race(starting);
      // The victim is a worker seen delivering this batch a moment ago: each delivery holds its transaction open for
      // ≥ 10 ms, so the kill lands in the middle of deliveries. Its replacement starts while the others go on.
      await sleep(60 + Math.floor(Math.random() * 60));
      const busy = await schema.pool.query(
        "select distinct pid from recorded_effect where idempotency_key like 'kill-%' and at > clock_timestamp() - interval '150 milliseconds'",
      );
      const busyPids = new Set(busy.rows.map((row) => row.pid as number));
      const running = [...workers];
      const victim = running.find((worker) => busyPids.has(worker.child.pid!)) ?? running[Math.floor(Math.random() * running.length)]!;
      if (busyPids.has(victim.child.pid!)) killedMidDelivery++;
      workers.delete(victim);
      victim.child.kill('SIGKILL');
      killedPids.push(victim.child.pid!);
      await victim.exited;
      void start();
    }
    await Promise.all([...starting]);

    const deadline = Date.now() + 40_000;
    for (;;) {
      const { rows } = await schema.pool.query("select count(*)::int as n from outbox where idempotency_key like 'kill-%' and status = 'done'");
      if (rows[0].n === effects) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${effects} effects delivered`);
      await sleep(100);
    }

    const recorded = await schema.pool.query(
      "select count(*)::int as deliveries, count(distinct idempotency_key)::int as keys, max(n)::int as most from (select idempotency_key, count(*) over (partition by idempotency_key) as n from recorded_effect where idempotency_key like 'kill-%') r",
    );
    expect(recorded.rows[0]).toEqual({ deliveries: effects, keys: effects, most: 1 });
    const outbox = await schema.pool.query("select status, count(*)::int as n from outbox where idempotency_key like 'kill-%' group by status");
    expect(outbox.rows).toEqual([{ status: 'done', n: effects }]);

    // The provider's side: every effect reached it; a call whose transaction died with its worker came again, and
    // the idempotency key is what lets a real provider recognise it.
    const calls = (await readFile(callsFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { idempotencyKey: string; pid: number });
    const keys = new Set(calls.map((call) => call.idempotencyKey));
    expect(keys.size).toBe(effects);
    expect(calls.length).toBeGreaterThanOrEqual(effects);
    console.log(JSON.stringify({ effects, kills, killedMidDelivery, providerCalls: calls.length, repeatedCalls: calls.length - effects, callsByKilledWorkers: calls.filter((call) => killedPids.includes(call.pid)).length }));

    // The survivors drain on SIGTERM and exit cleanly.
    const exits = await Promise.all(
      [...workers].map((worker) => {
        worker.child.kill('SIGTERM');
        return worker.exited;
      }),
    );
    workers.clear();
    expect(exits.every((code) => code === 0)).toBe(true);
    expect(exits).toHaveLength(3);
    expect(killedPids).toHaveLength(kills);
  }, 90_000);
});
