import type { CancelTimer, Clock } from '../clock/clock.port.ts';
import { nextCronFire, parseCronExpression, type CronExpression } from './cron-next-fire.ts';
import {
  checkAddJobOptions,
  checkJobName,
  checkProcessOptions,
  checkQueueName,
  checkRepeat,
  checkRetries,
  checkScheduleId,
  failedJobsKept,
  retryDelayMs,
} from './job-options.ts';
import type { AddJobOptions, Backoff, JobCounts, JobHandler, JobQueue, Repeat, ScheduledJob } from './job-queue.port.ts';

/**
 * The job queue of the embedded default: everything in this process's memory, timed by an injected clock. It keeps
 * the semantics BullMQ gives (jobId dedupe, delays, retries with backoff, concurrency, schedules, graceful close),
 * not its durability: jobs and schedules end with the process, which DESIGN.md allows because the work they point
 * at is in PostgreSQL.
 */
export interface InProcessJobQueueOptions {
  clock: Clock;
}

type JobState = 'waiting' | 'delayed' | 'active' | 'failed';

interface StoredJob {
  id: string;
  name: string;
  /** The data as JSON, as BullMQ stores it: a handler never shares an object with the caller of `add`. */
  json: string;
  state: JobState;
  attempts: number;
  backoff: Backoff | undefined;
  failedAttempts: number;
  cancelTimer: CancelTimer | undefined;
  /** Set on a schedule's iteration: starting it adds the next one. */
  scheduleId: string | undefined;
}

interface Schedule {
  id: string;
  repeat: Repeat;
  cron: CronExpression | undefined;
  job: ScheduledJob<object>;
  /** The fire time of the newest iteration added. */
  millis: number;
  pendingJobId: string | undefined;
}

interface QueueState {
  name: string;
  jobs: Map<string, StoredJob>;
  /** Ids of waiting jobs, oldest first (a Set keeps insertion order and deletes in O(1)). */
  waiting: Set<string>;
  /** Ids of failed jobs, oldest first. */
  failed: Set<string>;
  schedules: Map<string, Schedule>;
  worker: { handler: JobHandler<unknown>; concurrency: number; active: number } | undefined;
  lastId: number;
}

export function createInProcessJobQueue({ clock }: InProcessJobQueueOptions): JobQueue {
  const queues = new Map<string, QueueState>();
  const running = new Set<Promise<void>>();
  let closing: Promise<void> | undefined;
  let closed = false;

  function queueState(name: string): QueueState {
    if (closed) throw new Error('The job queue is closed.');
    checkQueueName(name);
    let state = queues.get(name);
    if (!state) {
      state = { name, jobs: new Map(), waiting: new Set(), failed: new Set(), schedules: new Map(), worker: undefined, lastId: 0 };
      queues.set(name, state);
    }
    return state;
  }

  function enqueue(queue: QueueState, job: StoredJob, delayMs: number): void {
    queue.jobs.set(job.id, job);
    if (delayMs > 0) {
      job.state = 'delayed';
      job.cancelTimer = closing
        ? undefined
        : clock.setTimer(delayMs, () => {
            job.cancelTimer = undefined;
            job.state = 'waiting';
            queue.waiting.add(job.id);
            pump(queue);
          });
      return;
    }
    job.state = 'waiting';
    queue.waiting.add(job.id);
    pump(queue);
  }

  function remove(queue: QueueState, job: StoredJob): void {
    job.cancelTimer?.();
    queue.waiting.delete(job.id);
    queue.failed.delete(job.id);
    queue.jobs.delete(job.id);
  }

  function pump(queue: QueueState): void {
    const worker = queue.worker;
    while (!closing && worker && worker.active < worker.concurrency) {
      const next = queue.waiting.values().next();
      if (next.done) return;
      queue.waiting.delete(next.value);
      const job = queue.jobs.get(next.value);
      if (job) start(queue, worker, job);
    }
  }

  function start(queue: QueueState, worker: NonNullable<QueueState['worker']>, job: StoredJob): void {
    job.state = 'active';
    worker.active++;
    if (job.scheduleId !== undefined) addFollowingIteration(queue, job);
    const attempt = async () => {
      try {
        // Never call a handler inside `add` or `process`: callers see the same asynchrony as with BullMQ.
        await Promise.resolve();
        const data: unknown = JSON.parse(job.json);
        await worker.handler({ id: job.id, queue: queue.name, name: job.name, data, attempt: job.failedAttempts + 1, attempts: job.attempts });
        queue.jobs.delete(job.id);
      } catch {
        // A failed try is the job's outcome, as in BullMQ: handlers record and log their own errors.
        job.failedAttempts++;
        if (job.failedAttempts < job.attempts) {
          enqueue(queue, job, retryDelayMs(job.backoff, job.failedAttempts));
        } else {
          job.state = 'failed';
          queue.failed.add(job.id);
          for (const oldest of queue.failed) {
            if (queue.failed.size <= failedJobsKept) break;
            queue.failed.delete(oldest);
            queue.jobs.delete(oldest);
          }
        }
      }
    };
    const run: Promise<void> = attempt().finally(() => {
      worker.active--;
      running.delete(run);
      pump(queue);
    });
    running.add(run);
  }

  function addIteration(queue: QueueState, schedule: Schedule, millis: number): void {
    const id = `repeat:${schedule.id}:${millis}`;
    schedule.millis = millis;
    schedule.pendingJobId = id;
    if (queue.jobs.has(id)) return;
    const { name, data, attempts = 1, backoff } = schedule.job;
    const job: StoredJob = {
      id,
      name,
      json: JSON.stringify(data),
      state: 'waiting',
      attempts,
      backoff,
      failedAttempts: 0,
      cancelTimer: undefined,
      scheduleId: schedule.id,
    };
    enqueue(queue, job, millis - clock.now());
  }

  function addFollowingIteration(queue: QueueState, job: StoredJob): void {
    const schedule = queue.schedules.get(job.scheduleId!);
    if (!schedule || schedule.pendingJobId !== job.id || job.failedAttempts > 0) return;
    addIteration(queue, schedule, followingFireTime(schedule, clock.now()));
  }

  return {
    async add(queueName, name, data, options: AddJobOptions = {}) {
      const queue = queueState(queueName);
      checkJobName(name);
      checkAddJobOptions(options);
      const id = options.jobId ?? String(++queue.lastId);
      if (queue.jobs.has(id)) return id;
      const job: StoredJob = {
        id,
        name,
        json: JSON.stringify(data),
        state: 'waiting',
        attempts: options.attempts ?? 1,
        backoff: options.backoff,
        failedAttempts: 0,
        cancelTimer: undefined,
        scheduleId: undefined,
      };
      enqueue(queue, job, options.delayMs ?? 0);
      return id;
    },

    async upsertSchedule(queueName, scheduleId, repeat, job) {
      const queue = queueState(queueName);
      checkScheduleId(scheduleId);
      checkJobName(job.name);
      checkRepeat(repeat);
      checkRetries(job.attempts, job.backoff);
      const previous = queue.schedules.get(scheduleId);
      const pending = previous?.pendingJobId === undefined ? undefined : queue.jobs.get(previous.pendingJobId);
      const replacesPending = pending !== undefined && (pending.state === 'waiting' || pending.state === 'delayed');
      if (replacesPending) remove(queue, pending);
      const schedule: Schedule = {
        id: scheduleId,
        repeat,
        cron: 'cron' in repeat ? parseCronExpression(repeat.cron) : undefined,
        job: { ...job, data: JSON.parse(JSON.stringify(job.data)) as object },
        millis: 0,
        pendingJobId: undefined,
      };
      queue.schedules.set(scheduleId, schedule);
      addIteration(queue, schedule, firstFireTime(schedule, previous, replacesPending, clock.now()));
    },

    async removeSchedule(queueName, scheduleId) {
      const queue = queueState(queueName);
      const schedule = queue.schedules.get(scheduleId);
      if (!schedule) return;
      queue.schedules.delete(scheduleId);
      const pending = schedule.pendingJobId === undefined ? undefined : queue.jobs.get(schedule.pendingJobId);
      if (pending && (pending.state === 'waiting' || pending.state === 'delayed')) remove(queue, pending);
    },

    async process(queueName, handler, options = {}) {
      if (closing) throw new Error('The job queue is closed.');
      const queue = queueState(queueName);
      checkProcessOptions(options);
      if (queue.worker) throw new Error(`Queue "${queueName}" already has a worker in this job queue.`);
      queue.worker = { handler: handler as JobHandler<unknown>, concurrency: options.concurrency ?? 1, active: 0 };
      pump(queue);
    },

    async counts(queueName): Promise<JobCounts> {
      const queue = queueState(queueName);
      const counts: JobCounts = { waiting: 0, active: 0, delayed: 0, failed: 0 };
      for (const job of queue.jobs.values()) counts[job.state]++;
      return counts;
    },

    close() {
      closing ??= (async () => {
        for (const queue of queues.values()) {
          for (const job of queue.jobs.values()) {
            job.cancelTimer?.();
            job.cancelTimer = undefined;
          }
        }
        while (running.size > 0) await Promise.allSettled([...running]);
        closed = true;
      })();
      return closing;
    },
  };
}

/**
 * When a new or replaced schedule fires first. As in BullMQ: an interval fires at once, unless it replaces the same
 * interval, which keeps its timing; a cron expression fires at its next time.
 */
function firstFireTime(schedule: Schedule, previous: Schedule | undefined, replacesPending: boolean, now: number): number {
  if (!('everyMs' in schedule.repeat)) return nextCronFire(schedule.cron!, schedule.repeat.tz, now);
  if (!previous || !('everyMs' in previous.repeat) || previous.repeat.everyMs !== schedule.repeat.everyMs) return now;
  return replacesPending ? previous.millis : followingFireTime(previous, now);
}

/** The fire time after the one at `schedule.millis`, skipping those already past (they collapse into one run). */
function followingFireTime(schedule: Schedule, now: number): number {
  if ('everyMs' in schedule.repeat) {
    const every = schedule.repeat.everyMs;
    return schedule.millis + Math.max(1, Math.ceil((now - schedule.millis) / every)) * every;
  }
  return nextCronFire(schedule.cron!, schedule.repeat.tz, Math.max(now, schedule.millis));
}
