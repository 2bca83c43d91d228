import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../adapters/clock/manual-clock.ts';
import { createSystemClock } from '../../adapters/clock/system-clock.ts';
import { createInProcessJobQueue } from '../../adapters/job-queue/in-process-job-queue.ts';
import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import { describeJobQueueContract, type JobQueueHarness } from './job-queue.contract.ts';

/** A few event-loop turns: enough for handlers that do no real I/O to run to their end. */
async function turns(count = 5): Promise<void> {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

const clock = createManualClock();

const manualTime: JobQueueHarness = {
  create: async () => createInProcessJobQueue({ clock }),
  now: () => clock.now(),
  letTimePass: (ms) => clock.advance(Math.max(0, ms)),
  async waitUntil(condition, withinMs) {
    const deadline = clock.now() + withinMs;
    for (;;) {
      await turns();
      if (condition()) return;
      if (clock.now() >= deadline) throw new Error(`Still waiting after ${withinMs} ms of manual time.`);
      await clock.advance(Math.min(10, deadline - clock.now()));
    }
  },
  settle: () => turns(),
  latenessMs: 0,
};

describeJobQueueContract('in-process, manual clock', manualTime);

describe('in-process job queue', () => {
  const opened: JobQueue[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((queue) => queue.close()));
  });

  it('fires a cron schedule at the expression’s times in its time zone', async () => {
    const shanghai = createManualClock(Date.parse('2026-01-05T00:00:00Z')); // 08:00 in Shanghai
    const queue = createInProcessJobQueue({ clock: shanghai });
    opened.push(queue);
    const firedAt: string[] = [];
    await queue.process('sweeps', async () => {
      firedAt.push(new Date(shanghai.now()).toISOString());
    });
    await queue.upsertSchedule('sweeps', 'morning', { cron: '0 9 * * *', tz: 'Asia/Shanghai' }, { name: 'morning', data: {} });
    await shanghai.advance(59 * 60_000);
    expect(firedAt).toEqual([]);
    await shanghai.advance(60_000);
    await shanghai.advance(24 * 3_600_000);
    expect(firedAt).toEqual(['2026-01-05T01:00:00.000Z', '2026-01-06T01:00:00.000Z']);
  });

  it('collapses the interval fire times missed while no worker ran into one run, then keeps the grid', async () => {
    const start = clock.now();
    const queue = createInProcessJobQueue({ clock });
    opened.push(queue);
    await queue.upsertSchedule('sweeps', 'recycle', { everyMs: 1_000 }, { name: 'recycle', data: {} });
    await clock.advance(10_500);
    const ranAt: number[] = [];
    await queue.process('sweeps', async () => {
      ranAt.push(clock.now() - start);
    });
    await clock.advance(2_000);
    expect(ranAt).toEqual([10_500, 11_000, 12_000]);
  });

  it('keeps the newest 1000 failed jobs', async () => {
    const queue = createInProcessJobQueue({ clock });
    opened.push(queue);
    await queue.process(
      'work',
      async () => {
        throw new Error('gateway down');
      },
      { concurrency: 50 },
    );
    for (let n = 0; n < 1_005; n++) await queue.add('work', 'send-sms', { n });
    await turns(20);
    expect(await queue.counts('work')).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1_000 });
  });

  it('runs delayed jobs on the system clock', async () => {
    const queue = createInProcessJobQueue({ clock: createSystemClock() });
    opened.push(queue);
    const addedAt = Date.now();
    let ranAfter: number | undefined;
    await queue.process('work', async () => {
      ranAfter = Date.now() - addedAt;
    });
    await queue.add('work', 'follow-up', {}, { delayMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(ranAfter).toBeGreaterThanOrEqual(50);
  });
});
