import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createBullmqJobQueue } from '../../adapters/job-queue/bullmq-job-queue.ts';
import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import { startRedisServer } from '../support/redis-server.ts';
import { freePort } from '../support/service-probe.ts';

/** Polls `condition` every 20 ms; fails after `withinMs`. */
async function waitUntil(condition: () => boolean | Promise<boolean>, withinMs: number, what: string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${withinMs} ms`);
    await sleep(20);
  }
}

/** Settles `operation` and says how long it took and how it ended. */
async function timed(operation: Promise<unknown>): Promise<{ ms: number; error: Error | undefined }> {
  const startedAt = Date.now();
  try {
    await operation;
    return { ms: Date.now() - startedAt, error: undefined };
  } catch (error) {
    return { ms: Date.now() - startedAt, error: error as Error };
  }
}

// Redis of our own, so killing it touches no other test. It keeps nothing on disk (`--save ''`), so a restart comes
// back empty: jobs that were only in Redis are gone, which is why the runtime keeps its durable state in PostgreSQL.
let redis: ChildProcess | undefined;
let jobQueue: JobQueue | undefined;
afterAll(async () => {
  await jobQueue?.close();
  redis?.kill('SIGKILL');
});

describe('BullMQ job queue when Redis goes away', () => {
  it('rejects adds within a bounded time during the outage, and works on new jobs once Redis is back', async () => {
    const port = await freePort();
    redis = await startRedisServer(port);
    const connectionErrors: Error[] = [];
    jobQueue = createBullmqJobQueue({
      redisUrl: `redis://127.0.0.1:${port}`,
      prefix: 'outage',
      commandTimeoutMs: 1_500,
      onError: (error) => connectionErrors.push(error),
    });
    const processed: number[] = [];
    await jobQueue.process('work', async (job) => {
      processed.push((job.data as { n: number }).n);
    });
    for (const n of [1, 2, 3]) await jobQueue.add('work', 'effect', { n });
    await waitUntil(() => processed.length === 3, 2_000, 'jobs before the outage');

    redis.kill('SIGKILL');
    await once(redis, 'exit');
    const killedAt = Date.now();
    // A queue already connected rejects once ioredis gives up on the command; one whose first connection is still
    // being made rejects at the deadline.
    const [connected, unconnected] = await Promise.all([
      timed(jobQueue.add('work', 'effect', { n: 99 })),
      timed(jobQueue.add('never-used', 'effect', { n: 100 }, { jobId: 'effect-100' })),
    ]);
    expect(connected.error).toBeInstanceOf(Error);
    expect(connected.ms).toBeLessThan(1_500);
    expect(unconnected.error?.message).toMatch(/did not answer within 1500 ms/);
    expect(connectionErrors.length).toBeGreaterThan(0);

    await sleep(Math.max(0, 1_500 - (Date.now() - killedAt)));
    redis = await startRedisServer(port);
    const restartedAt = Date.now();

    for (const n of [4, 5, 6]) await jobQueue.add('work', 'effect', { n });
    await waitUntil(() => processed.length >= 6, 5_000, 'jobs after Redis returned');
    expect(processed.slice(0, 3)).toEqual([1, 2, 3]);
    expect(processed.filter((n) => n >= 4).sort((a, b) => a - b)).toEqual([4, 5, 6]);
    expect(Date.now() - restartedAt).toBeLessThan(5_000);

    // The add that hit the deadline was still waiting for its connection and lands now; adding it again with the
    // same jobId (what a caller does after a rejection) does not make a second job.
    const neverUsed = jobQueue;
    await waitUntil(async () => (await neverUsed.counts('never-used')).waiting === 1, 3_000, 'the late add');
    await jobQueue.add('never-used', 'effect', { n: 100 }, { jobId: 'effect-100' });
    expect(await jobQueue.counts('never-used')).toMatchObject({ waiting: 1 });
  });
});
