/**
 * Background work (DESIGN.md, "Runtime"): named queues of jobs that run once, later, again on failure, or on a
 * schedule. Two implementations keep the same contract (test/adapters/job-queue.contract.ts): BullMQ on Redis,
 * and an in-process one for the embedded default.
 *
 * A queue is only a delivery mechanism. Nothing that must survive lives only here: the outbox rows and due timers
 * that jobs act on are in PostgreSQL, so a lost Redis (or a restarted embedded process) loses no work, only the
 * nudges to do it.
 */
export interface JobQueue {
  /**
   * Adds a job and resolves with its id (the given `jobId`, or one made up). Job data travels as JSON: what
   * `JSON.stringify` drops or changes (undefined, Dates, Maps) arrives dropped or changed.
   */
  add<TData extends object>(queue: string, name: string, data: TData, options?: AddJobOptions): Promise<string>;

  /**
   * Creates or replaces the schedule `scheduleId` of `queue`, which adds `job` at every fire time. An interval
   * schedule fires at once and then every `everyMs`; a cron schedule fires at the expression's times in `tz`.
   * A schedule keeps at most one iteration waiting: the next is added when the current one starts, so fire times
   * missed while no worker ran collapse into one run. Call it at every start: the in-process queue forgets schedules
   * when its process ends, and upserting an unchanged schedule keeps its timing.
   */
  upsertSchedule<TData extends object>(queue: string, scheduleId: string, repeat: Repeat, job: ScheduledJob<TData>): Promise<void>;

  /** Removes a schedule and its waiting iteration; a running iteration finishes. Removing an unknown id does nothing. */
  removeSchedule(queue: string, scheduleId: string): Promise<void>;

  /**
   * Starts working on `queue`: runs `handler` for each job, at most `concurrency` (default 1) at a time in this
   * process. A handler that throws (or rejects) fails the attempt; the job is tried again after its backoff until it
   * has had `attempts` tries, then it is kept as failed. Resolves once the worker is ready to take jobs. One worker
   * per queue per JobQueue; other processes may run their own.
   */
  process<TData extends object>(queue: string, handler: JobHandler<TData>, options?: ProcessOptions): Promise<void>;

  /** How many jobs of `queue` are in each state, for health pages and tests. */
  counts(queue: string): Promise<JobCounts>;

  /**
   * Stops taking jobs, waits for the running ones to finish (they may still add jobs), then releases connections and
   * timers; every method rejects afterwards. Jobs not yet started stay where they are: in Redis for BullMQ, gone
   * with the process for the in-process queue.
   */
  close(): Promise<void>;
}

export interface AddJobOptions {
  /**
   * Idempotency: adding a job whose id names a job that still exists (waiting, delayed, running, waiting for a retry,
   * or kept as failed) does nothing. A completed job is removed at once, so its id can be used again. Ids may not
   * contain ":" nor be a whole number (BullMQ's rules, kept by both implementations).
   */
  jobId?: string;
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Tries in all, the first included (default 1: no retry). */
  attempts?: number;
  /** The wait before each retry (default: none, retry at once). */
  backoff?: Backoff;
}

/**
 * `fixed`: `delayMs` before every retry. `exponential`: `delayMs × 2^(n−1)` before the n-th retry (100, 200, 400…).
 */
export interface Backoff {
  type: 'fixed' | 'exponential';
  delayMs: number;
}

/** Every `everyMs` milliseconds, or at a five-field cron expression's times in an IANA time zone. */
export type Repeat = { everyMs: number } | { cron: string; tz: string };

/** The job a schedule adds at each fire time. */
export interface ScheduledJob<TData extends object> {
  name: string;
  data: TData;
  attempts?: number;
  backoff?: Backoff;
}

export interface ProcessOptions {
  /** Jobs of this queue run at the same time in this process (default 1). */
  concurrency?: number;
}

/** A job as its handler sees it. */
export interface RunningJob<TData> {
  id: string;
  queue: string;
  name: string;
  data: TData;
  /** This try's number: 1 the first time, 2 on the first retry, … */
  attempt: number;
  /** Tries in all: when `attempt` equals it, a failure is final (the moment to park the work as dead). */
  attempts: number;
}

export type JobHandler<TData> = (job: RunningJob<TData>) => Promise<void>;

/** `delayed` includes jobs waiting out a retry's backoff; `failed` counts jobs kept after their last try. */
export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}
