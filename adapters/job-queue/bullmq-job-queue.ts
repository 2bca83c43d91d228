import { Queue, Worker, type BackoffOptions, type JobsOptions, type RedisOptions } from 'bullmq';
import {
  checkAddJobOptions,
  checkJobName,
  checkProcessOptions,
  checkQueueName,
  checkRepeat,
  checkRetries,
  checkScheduleId,
  failedJobsKept,
} from './job-options.ts';
import type { Backoff, JobCounts, JobHandler, JobQueue } from './job-queue.port.ts';

export interface BullmqJobQueueOptions {
  /** `redis://…` or `rediss://…`. */
  redisUrl: string;
  /** Namespaces every Redis key as `prefix:queue:…`, so deployments (and test files) can share one Redis. */
  prefix?: string;
  /**
   * How long `add`, `upsertSchedule`, `removeSchedule` and `counts` wait for Redis before rejecting (default 5 s).
   * A rejected `add` may still land once Redis answers: add again with the same jobId.
   */
  commandTimeoutMs?: number;
  /** Connection trouble (Redis unreachable, reconnecting); the queue keeps reconnecting on its own. */
  onError?: (error: Error) => void;
}

// Reconnect quickly but not in a tight loop: 200 ms, 400 ms, … then every 2 s for as long as Redis is away.
const reconnectDelayMs = (attempt: number) => Math.min(attempt * 200, 2_000);

const keepJobs: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  // A completed job is gone at once, so its jobId can be added again and Redis does not grow with history.
  removeOnComplete: true,
  removeOnFail: { count: failedJobsKept },
};

/** The job queue on BullMQ: queues, delayed jobs, retries and job schedulers in Redis, workers in this process. */
export function createBullmqJobQueue(options: BullmqJobQueueOptions): JobQueue {
  const { redisUrl, prefix = 'stagecraft', commandTimeoutMs = 5_000 } = options;
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`job queue (Redis): ${error.message}\n`));
  const queues = new Map<string, Queue>();
  const workers = new Map<string, Worker>();
  let closing: Promise<void> | undefined;
  let closed = false;

  // BullMQ builds (and closes) its own ioredis clients from these options; ioredis is an optional peer of BullMQ,
  // which is why package.json lists it. Producers fail instead of waiting out an outage: ioredis drops a command after two failed reconnects, and the
  // deadline below also covers a queue whose first connection is still being made.
  const producerConnection: RedisOptions = { url: redisUrl, maxRetriesPerRequest: 1, retryStrategy: reconnectDelayMs };
  // Workers wait out an outage: a blocking fetch must never fail for lack of retries (BullMQ requires null here).
  const workerConnection: RedisOptions = { url: redisUrl, maxRetriesPerRequest: null, retryStrategy: reconnectDelayMs };

  function queueFor(name: string): Queue {
    if (closed) throw new Error('The job queue is closed.');
    checkQueueName(name);
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: producerConnection, prefix });
      queue.on('error', onError);
      queues.set(name, queue);
    }
    return queue;
  }

  function withinDeadline<T>(what: string, operation: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: Redis did not answer within ${commandTimeoutMs} ms.`)), commandTimeoutMs);
    });
    // The operation may still settle after the deadline; its outcome no longer has a reader.
    operation.catch(() => {});
    return Promise.race([operation, deadline]).finally(() => clearTimeout(timer));
  }

  return {
    async add(queueName, name, data, addOptions = {}) {
      const queue = queueFor(queueName);
      checkJobName(name);
      checkAddJobOptions(addOptions);
      const { jobId, delayMs, attempts, backoff } = addOptions;
      const job = await withinDeadline(
        `add to ${queueName}`,
        queue.add(name, data, { ...keepJobs, jobId, delay: delayMs, attempts, backoff: toBullmqBackoff(backoff) }),
      );
      return job.id!;
    },

    async upsertSchedule(queueName, scheduleId, repeat, job) {
      const queue = queueFor(queueName);
      checkScheduleId(scheduleId);
      checkJobName(job.name);
      checkRepeat(repeat);
      checkRetries(job.attempts, job.backoff);
      await withinDeadline(
        `schedule ${scheduleId} on ${queueName}`,
        queue.upsertJobScheduler(scheduleId, 'everyMs' in repeat ? { every: repeat.everyMs } : { pattern: repeat.cron, tz: repeat.tz }, {
          name: job.name,
          data: job.data,
          opts: { ...keepJobs, attempts: job.attempts, backoff: toBullmqBackoff(job.backoff) },
        }),
      );
    },

    async removeSchedule(queueName, scheduleId) {
      const queue = queueFor(queueName);
      await withinDeadline(`remove schedule ${scheduleId} from ${queueName}`, queue.removeJobScheduler(scheduleId));
    },

    async process(queueName, handler, processOptions = {}) {
      if (closing) throw new Error('The job queue is closed.');
      checkQueueName(queueName);
      checkProcessOptions(processOptions);
      if (workers.has(queueName)) throw new Error(`Queue "${queueName}" already has a worker in this job queue.`);
      const run = handler as JobHandler<unknown>;
      const worker = new Worker(
        queueName,
        async (job) => {
          // BullMQ stores 0 attempts for a job added without retries: that is still one try.
          const attempts = Math.max(1, job.opts.attempts ?? 1);
          await run({ id: job.id!, queue: queueName, name: job.name, data: job.data, attempt: job.attemptsMade + 1, attempts });
        },
        { connection: workerConnection, prefix, concurrency: processOptions.concurrency ?? 1 },
      );
      worker.on('error', onError);
      workers.set(queueName, worker);
      await worker.waitUntilReady();
    },

    async counts(queueName): Promise<JobCounts> {
      const queue = queueFor(queueName);
      const counts = await withinDeadline(`count ${queueName}`, queue.getJobCounts('waiting', 'active', 'delayed', 'failed'));
      return { waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 };
    },

    close() {
      // Workers first: Worker.close waits for the jobs it is running, and those may still add jobs to the queues.
      closing ??= (async () => {
        await Promise.all([...workers.values()].map((worker) => worker.close()));
        closed = true;
        await Promise.all([...queues.values()].map((queue) => queue.close()));
      })();
      return closing;
    },
  };
}

function toBullmqBackoff(backoff: Backoff | undefined): BackoffOptions | undefined {
  return backoff && { type: backoff.type, delay: backoff.delayMs };
}
