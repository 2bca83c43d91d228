import { afterEach, describe, expect, it } from 'vitest';
import type { JobCounts, JobQueue, RunningJob } from '../../adapters/job-queue/job-queue.port.ts';

/**
 * What every JobQueue must do, whichever implementation: run by `bullmq-job-queue.test.ts` against a real Redis and
 * by `in-process-job-queue.test.ts` on a manual clock. Tests speak in the implementation's own time (`now`,
 * `letTimePass`, `waitUntil`), so the in-process run moves a clock instead of sleeping.
 */
export interface JobQueueHarness {
  /** A fresh, empty job queue; the suite closes it after each test. */
  create(): Promise<JobQueue>;
  /** The implementation's current time, in epoch milliseconds. */
  now(): number;
  /** Lets `ms` of the implementation's time pass. */
  letTimePass(ms: number): Promise<void>;
  /** Lets time pass until `condition` holds; fails when it still does not after `withinMs` (plus slack for real time). */
  waitUntil(condition: () => boolean, withinMs: number): Promise<void>;
  /** Gives work that should not happen a fair chance to show up (a short real wait, or a few event-loop turns). */
  settle(): Promise<void>;
  /** How late a delayed job or a retry may start in real time; 0 on a manual clock. */
  latenessMs: number;
}

interface Gate {
  opened: Promise<void>;
  open(): void;
}


interface Run {
  job: RunningJob<unknown>;
  at: number;
}

const idle: JobCounts = { waiting: 0, active: 0, delayed: 0, failed: 0 };

export function describeJobQueueContract(implementation: string, harness: JobQueueHarness): void {
  describe(`job queue contract: ${implementation}`, () => {
    const opened: JobQueue[] = [];
    const gates: Gate[] = [];
    const newQueue = async () => {
      const queue = await harness.create();
      opened.push(queue);
      return queue;
    };
    /** A promise a handler waits on until the test opens it (afterEach opens any left shut, so close never hangs). */
    const gate = (): Gate => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      const created = { opened, open };
      gates.push(created);
      return created;
    };
    afterEach(async () => {
      for (const left of gates.splice(0)) left.open();
      await Promise.all(opened.splice(0).map((queue) => queue.close()));
    });

    /** Waits for the counts to reach `expected` (a finished job leaves its state a moment after its handler returns). */
    async function countsBecome(queue: JobQueue, name: string, expected: JobCounts) {
      const reached = (counts: JobCounts) => (Object.keys(expected) as Array<keyof JobCounts>).every((state) => counts[state] === expected[state]);
      let counts = await queue.counts(name);
      for (let tries = 0; tries < 20 && !reached(counts); tries++) {
        await harness.settle();
        counts = await queue.counts(name);
      }
      expect(counts).toEqual(expected);
    }

    /** A handler that records each run with the implementation's time, and fails while `fail` says so. */
    function recorder(fail: (job: RunningJob<unknown>) => boolean = () => false) {
      const runs: Run[] = [];
      const handler = async (job: RunningJob<unknown>) => {
        runs.push({ job, at: harness.now() });
        if (fail(job)) throw new Error(`attempt ${job.attempt} fails`);
      };
      return { runs, handler };
    }

    describe('running jobs', () => {
      it('runs an added job once, with its name, data and attempt number', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder();
        await queue.process('work', handler);
        const id = await queue.add('work', 'send-sms', { outboxId: 'o-1', to: '13800000000' });
        await harness.waitUntil(() => runs.length === 1, 1_000);
        await countsBecome(queue, 'work', idle);
        await harness.settle();
        expect(runs.map((run) => run.job)).toEqual([
          { id, queue: 'work', name: 'send-sms', data: { outboxId: 'o-1', to: '13800000000' }, attempt: 1, attempts: 1 },
        ]);
      });

      it('hands the handler the data as it travels, as JSON', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder();
        await queue.process('work', handler);
        await queue.add('work', 'remind', { at: new Date(Date.UTC(2026, 0, 5)), note: undefined, tags: ['a'] });
        await harness.waitUntil(() => runs.length === 1, 1_000);
        expect(runs[0]!.job.data).toEqual({ at: '2026-01-05T00:00:00.000Z', tags: ['a'] });
      });

      it('keeps added jobs waiting until a worker takes them, and counts them', async () => {
        const queue = await newQueue();
        await queue.add('work', 'a', {});
        await queue.add('work', 'b', {});
        await queue.add('work', 'later', {}, { delayMs: 60_000 });
        expect(await queue.counts('work')).toEqual({ waiting: 2, active: 0, delayed: 1, failed: 0 });
      });

      it('refuses a second worker for the same queue', async () => {
        const queue = await newQueue();
        await queue.process('work', async () => {});
        await expect(queue.process('work', async () => {})).rejects.toThrow(/already has a worker/);
      });

      it('refuses ids and names that BullMQ cannot key', async () => {
        const queue = await newQueue();
        await expect(queue.add('work', 'a', {}, { jobId: '42' })).rejects.toThrow(/jobId/);
        await expect(queue.add('work', 'a', {}, { jobId: 'outbox:1' })).rejects.toThrow(/jobId/);
        await expect(queue.add('work:x', 'a', {})).rejects.toThrow(/queue name/);
        await expect(queue.add('work', 'a', {}, { attempts: 0 })).rejects.toThrow(/attempts/);
      });
    });

    describe('idempotent adds', () => {
      it('adds a job once however often its jobId is added, even while it runs', async () => {
        const queue = await newQueue();
        const release = gate();
        const runs: Array<{ id: string; data: unknown }> = [];
        expect(await queue.add('work', 'dispatch', { n: 1 }, { jobId: 'outbox-7' })).toBe('outbox-7');
        expect(await queue.add('work', 'dispatch', { n: 2 }, { jobId: 'outbox-7' })).toBe('outbox-7');
        expect(await queue.counts('work')).toMatchObject({ waiting: 1 });
        await queue.process('work', async (job) => {
          runs.push({ id: job.id, data: job.data });
          await release.opened;
        });
        await harness.waitUntil(() => runs.length === 1, 1_000);
        await queue.add('work', 'dispatch', { n: 3 }, { jobId: 'outbox-7' });
        release.open();
        await countsBecome(queue, 'work', idle);
        await harness.settle();
        expect(runs).toEqual([{ id: 'outbox-7', data: { n: 1 } }]);
      });

      it('lets a jobId be added again once its job has completed', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder();
        await queue.process('work', handler);
        await queue.add('work', 'dispatch', { n: 1 }, { jobId: 'outbox-8' });
        await harness.waitUntil(() => runs.length === 1, 1_000);
        await countsBecome(queue, 'work', idle);
        await queue.add('work', 'dispatch', { n: 2 }, { jobId: 'outbox-8' });
        await harness.waitUntil(() => runs.length === 2, 1_000);
        expect(runs.map((run) => run.job.data)).toEqual([{ n: 1 }, { n: 2 }]);
      });
    });

    describe('delays', () => {
      it('keeps a delayed job waiting until its delay has passed', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder();
        await queue.process('work', handler);
        const addedAt = harness.now();
        await queue.add('work', 'follow-up', {}, { delayMs: 400 });
        expect(await queue.counts('work')).toMatchObject({ delayed: 1 });
        await harness.letTimePass(250);
        expect(runs).toHaveLength(0);
        await harness.waitUntil(() => runs.length === 1, 400);
        expect(runs[0]!.at - addedAt).toBeGreaterThanOrEqual(400);
        expect(runs[0]!.at - addedAt).toBeLessThanOrEqual(400 + harness.latenessMs + 50);
      });
    });

    describe('retries', () => {
      it('retries a failing job with exponential backoff up to its attempts, then keeps it as failed', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder(() => true);
        await queue.process('work', handler);
        await queue.add('work', 'send-sms', { outboxId: 'o-2' }, { attempts: 3, backoff: { type: 'exponential', delayMs: 100 } });
        await harness.waitUntil(() => runs.length === 3, 300 + 3 * harness.latenessMs + 100);
        await countsBecome(queue, 'work', { ...idle, failed: 1 });
        // A fourth try would come 400 ms after the third.
        await harness.letTimePass(450);
        expect(runs.map((run) => [run.job.attempt, run.job.attempts])).toEqual([[1, 3], [2, 3], [3, 3]]);
        const [first, second, third] = runs.map((run) => run.at) as [number, number, number];
        expect(second - first).toBeGreaterThanOrEqual(100);
        expect(third - second).toBeGreaterThanOrEqual(200);
        expect(third - first).toBeLessThanOrEqual(300 + 2 * harness.latenessMs + 100);
        expect(await queue.counts('work')).toEqual({ ...idle, failed: 1 });
      });

      it('keeps a job waiting out its backoff as delayed, and forgets it once a retry succeeds', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder((job) => job.attempt === 1);
        await queue.process('work', handler);
        await queue.add('work', 'send-sms', {}, { attempts: 3, backoff: { type: 'fixed', delayMs: 300 } });
        await harness.waitUntil(() => runs.length === 1, 1_000);
        await countsBecome(queue, 'work', { ...idle, delayed: 1 });
        await harness.waitUntil(() => runs.length === 2, 300 + harness.latenessMs + 100);
        await countsBecome(queue, 'work', idle);
        expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(300);
      });
    });

    describe('concurrency', () => {
      it('never runs more jobs of a queue at once than its concurrency', async () => {
        const queue = await newQueue();
        const release = gate();
        let running = 0;
        let mostAtOnce = 0;
        let started = 0;
        let finished = 0;
        await queue.process(
          'work',
          async () => {
            started++;
            running++;
            mostAtOnce = Math.max(mostAtOnce, running);
            await release.opened;
            running--;
            finished++;
          },
          { concurrency: 2 },
        );
        for (let n = 0; n < 5; n++) await queue.add('work', 'call', { n });
        await harness.waitUntil(() => started === 2, 1_000);
        await harness.settle();
        expect(started).toBe(2);
        expect(await queue.counts('work')).toMatchObject({ active: 2, waiting: 3 });
        release.open();
        await harness.waitUntil(() => finished === 5, 1_000);
        expect(mostAtOnce).toBe(2);
      });
    });

    describe('schedules', () => {
      it('fires an interval schedule at once and then at every interval', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder();
        await queue.process('sweeps', handler);
        const upsertedAt = harness.now();
        await queue.upsertSchedule('sweeps', 'pool-recycle', { everyMs: 200 }, { name: 'pool-recycle', data: { ruleSet: 'default' } });
        await harness.waitUntil(() => runs.length >= 3, 400 + harness.latenessMs + 100);
        expect(runs[0]!.job).toMatchObject({ queue: 'sweeps', name: 'pool-recycle', data: { ruleSet: 'default' }, attempt: 1, attempts: 1 });
        expect(runs[0]!.at - upsertedAt).toBeLessThanOrEqual(harness.latenessMs + 50);
        expect(runs[2]!.at - upsertedAt).toBeGreaterThanOrEqual(400 - harness.latenessMs);
        expect(new Set(runs.map((run) => run.job.id)).size).toBe(runs.length);
      });

      it('keeps one series when the same schedule is upserted again', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder();
        await queue.process('sweeps', handler);
        const upsertedAt = harness.now();
        const schedule = { name: 'pool-recycle', data: {} };
        await queue.upsertSchedule('sweeps', 'pool-recycle', { everyMs: 200 }, schedule);
        await queue.upsertSchedule('sweeps', 'pool-recycle', { everyMs: 200 }, schedule);
        await harness.waitUntil(() => runs.length >= 1, 1_000);
        await queue.upsertSchedule('sweeps', 'pool-recycle', { everyMs: 200 }, schedule);
        await harness.waitUntil(() => runs.length >= 2, 2_000);
        // One series fires at most at 0, 200, 400 … ms after the first upsert (a busy machine only makes it fewer);
        // a second series would double them.
        expect(runs.length).toBeLessThanOrEqual(Math.floor((harness.now() - upsertedAt) / 200) + 1);
      });

      it('follows the new interval when a schedule is upserted with another one', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder();
        await queue.process('sweeps', handler);
        await queue.upsertSchedule('sweeps', 'pool-recycle', { everyMs: 200 }, { name: 'pool-recycle', data: { v: 1 } });
        await harness.waitUntil(() => runs.length === 1, 1_000);
        await queue.upsertSchedule('sweeps', 'pool-recycle', { everyMs: 5_000 }, { name: 'pool-recycle', data: { v: 2 } });
        await harness.letTimePass(800);
        // As in BullMQ, a changed interval starts afresh: one run at once, the next 5 s later; none at 200 ms.
        expect(runs.map((run) => run.job.data)).toEqual([{ v: 1 }, { v: 2 }]);
      });

      it('stops firing once its schedule is removed', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder();
        await queue.process('sweeps', handler);
        await queue.upsertSchedule('sweeps', 'reminders', { everyMs: 200 }, { name: 'reminders', data: {} });
        await harness.waitUntil(() => runs.length === 1, 1_000);
        await queue.removeSchedule('sweeps', 'reminders');
        await harness.letTimePass(500);
        expect(runs).toHaveLength(1);
        expect(await queue.counts('sweeps')).toEqual(idle);
      });

      it('keeps a cron schedule’s first run waiting for the expression’s next time', async () => {
        const queue = await newQueue();
        const { runs, handler } = recorder();
        await queue.process('sweeps', handler);
        // 03:00 on the 1st of January in Shanghai: never within a test run.
        await queue.upsertSchedule('sweeps', 'yearly', { cron: '0 3 1 1 *', tz: 'Asia/Shanghai' }, { name: 'yearly', data: {} });
        await harness.settle();
        expect(runs).toHaveLength(0);
        expect(await queue.counts('sweeps')).toMatchObject({ delayed: 1 });
        await expect(queue.upsertSchedule('sweeps', 'bad', { cron: '0 3 * JAN *', tz: 'Asia/Shanghai' }, { name: 'x', data: {} })).rejects.toThrow(
          /month/,
        );
        await expect(queue.upsertSchedule('sweeps', 'bad', { cron: '0 3 * * *', tz: 'Mars/Olympus' }, { name: 'x', data: {} })).rejects.toThrow(
          /time zone/,
        );
      });
    });

    describe('closing', () => {
      it('waits for running jobs to finish, then refuses work', async () => {
        const queue = await newQueue();
        const release = gate();
        let started = false;
        let finished = false;
        await queue.process('work', async () => {
          started = true;
          await release.opened;
          finished = true;
        });
        await queue.add('work', 'call', {});
        await harness.waitUntil(() => started, 1_000);
        let closed = false;
        const closing = queue.close().then(() => (closed = true));
        await harness.settle();
        expect(closed).toBe(false);
        release.open();
        await closing;
        expect(finished).toBe(true);
        await expect(queue.add('work', 'call', {})).rejects.toThrow(/closed/);
      });
    });
  });
}
