import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { describe, expect, inject, it } from 'vitest';
import { createManualClock } from '../../adapters/clock/manual-clock.ts';
import { createJobQueue } from '../../adapters/job-queue/create-job-queue.ts';
import { deleteRedisKeys } from '../support/redis-keys.ts';

describe('choosing the job queue', () => {
  it('runs jobs in-process, on the given clock, when no Redis is configured', async () => {
    const clock = createManualClock();
    const jobQueue = await createJobQueue({ redisUrl: undefined, clock });
    try {
      const ranAt: number[] = [];
      await jobQueue.process('work', async () => {
        ranAt.push(clock.now());
      });
      const addedAt = clock.now();
      await jobQueue.add('work', 'follow-up', {}, { delayMs: 5_000 });
      await clock.advance(5_000);
      expect(ranAt).toEqual([addedAt + 5_000]);
    } finally {
      await jobQueue.close();
    }
  });

  it('keeps jobs in Redis, under the stagecraft key prefix, when REDIS_URL is set', async () => {
    const redisUrl = inject('redisUrl');
    const queueName = `factory-${randomBytes(4).toString('hex')}`;
    const jobQueue = await createJobQueue({ redisUrl, clock: createManualClock() });
    const inspector = new Queue(queueName, { connection: { url: redisUrl }, prefix: 'stagecraft' });
    try {
      await jobQueue.add(queueName, 'dispatch', { outboxId: 'o-1' }, { jobId: 'outbox-o-1' });
      expect((await inspector.getJob('outbox-o-1'))?.data).toEqual({ outboxId: 'o-1' });
    } finally {
      await inspector.close();
      await jobQueue.close();
      await deleteRedisKeys(redisUrl, `stagecraft:${queueName}`);
    }
  });
});
