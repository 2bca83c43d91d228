import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createBullmqJobQueue } from '../../adapters/job-queue/bullmq-job-queue.ts';
import { nextCronFire } from '../../adapters/job-queue/cron-next-fire.ts';
import { deleteRedisKeys } from '../support/redis-keys.ts';
import { describeJobQueueContract, type JobQueueHarness } from './job-queue.contract.ts';

const redisUrl = inject('redisUrl');
const prefixes: string[] = [];
const connectionErrors: Error[] = [];

/** Each queue gets a key prefix of its own, so tests (and files) never see each other's jobs. */
function newPrefix(): string {
  const prefix = `test-jq-${randomBytes(4).toString('hex')}`;
  prefixes.push(prefix);
  return prefix;
}

afterAll(async () => {
  await Promise.all(prefixes.map((prefix) => deleteRedisKeys(redisUrl, prefix)));
  expect(connectionErrors).toEqual([]);
});

const realTime: JobQueueHarness = {
  create: async () => createBullmqJobQueue({ redisUrl, prefix: newPrefix(), onError: (error) => connectionErrors.push(error) }),
  now: () => Date.now(),
  letTimePass: (ms) => sleep(Math.max(0, ms)),
  async waitUntil(condition, withinMs) {
    const deadline = Date.now() + withinMs + 1_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Still waiting after ${withinMs} ms (and 1 s of slack).`);
      await sleep(10);
    }
  },
  settle: () => sleep(150),
  latenessMs: 100,
};

describeJobQueueContract('BullMQ on Redis', realTime);

describe('BullMQ job queue', () => {
  it('computes the same next cron fire times as BullMQ’s own scheduler', async () => {
    const prefix = newPrefix();
    const jobQueue = createBullmqJobQueue({ redisUrl, prefix });
    const inspector = new Queue('sweeps', { connection: { url: redisUrl }, prefix });
    try {
      const cases = [
        ['0 9 * * *', 'Asia/Shanghai'],
        ['*/15 8-20 * * 1-5', 'America/New_York'],
        ['5/20 * * * *', 'UTC'],
        ['0 0 13 * 5', 'Europe/Berlin'],
        ['30 2 * * 7', 'Australia/Sydney'],
        ['0 0 29 2 *', 'Asia/Kolkata'],
      ] as const;
      for (const [index, [cron, tz]] of cases.entries()) {
        const before = Date.now();
        await jobQueue.upsertSchedule('sweeps', `case-${index}`, { cron, tz }, { name: 'sweep', data: {} });
        const after = Date.now();
        const scheduled = await inspector.getJobScheduler(`case-${index}`);
        expect([nextCronFire(cron, tz, before), nextCronFire(cron, tz, after)], `${cron} in ${tz}`).toContain(scheduled?.next);
      }
    } finally {
      await inspector.close();
      await jobQueue.close();
    }
  });
});
