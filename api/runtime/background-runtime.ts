import type { MikroORM } from '@mikro-orm/postgresql';
import { createSystemClock } from '../../adapters/clock/system-clock.ts';
import { createJobQueue } from '../../adapters/job-queue/create-job-queue.ts';
import type { Config } from '../config/config.ts';
import { processDefinitionMigrations } from '../definitions/definition-migration-jobs.ts';
import type { Logger } from '../observability/logger.ts';
import type { OutboxHandlers } from '../outbox/deliver-outbox-message.ts';
import { processCustomerImports } from '../imports/customer-import-worker.ts';
import { registerOutboxCommitNudge } from '../outbox/outbox-commit-nudge.ts';
import { processRecycleSweeps, registerRecycleSchedules } from '../recycling/recycle-schedules.ts';
import { outboxHandlers } from '../outbox/outbox-handlers.ts';
import { jobQueueNudge, type OutboxNudge } from '../outbox/outbox-nudge.ts';
import { startTimerScheduler, type TimerScheduler } from '../timers/timer-scheduler.ts';
import { startOutboxWorker, type OutboxWorker } from './outbox-worker.ts';

export type RuntimeSettings = Pick<
  Config,
  'redisUrl' | 'databaseSchema' | 'workerConcurrency' | 'outboxSweepMs' | 'outboxMaxAttempts' | 'outboxRetryMs' | 'timeZone'
>;

export interface BackgroundRuntimeOptions {
  orm: MikroORM;
  logger: Logger;
  settings: RuntimeSettings;
  /** Deliver in this process (the embedded default, `npm run worker`), or only nudge the workers elsewhere. */
  workers: boolean;
  /** Topic → handler; default: every handler of this version (api/outbox/outbox-handlers.ts). */
  handlers?: OutboxHandlers;
}

export interface BackgroundRuntime {
  /** Asks a worker to deliver these committed messages now (the commit nudge does it for ORM-written messages). */
  nudge: OutboxNudge;
  /** The outbox worker of this process; undefined when `workers` is false. */
  worker: OutboxWorker | undefined;
  /** Drains: stops sweeping, lets running deliveries finish, closes the job queue. */
  stop(): Promise<void>;
}

const retryMaxMs = 10 * 60_000;

/**
 * What runs in the background of a process: the job queue REDIS_URL asks for (BullMQ, or in-process), the nudge that
 * follows each commit that wrote outbox messages, and — when this process works — the outbox worker. A process that
 * does not work and has no Redis nudges nobody (an in-process queue without a worker would only fill up): the
 * workers' sweep finds its messages.
 */
export async function startBackgroundRuntime(options: BackgroundRuntimeOptions): Promise<BackgroundRuntime> {
  const { orm, logger, settings, workers } = options;
  const jobQueue = await createJobQueue({
    redisUrl: settings.redisUrl,
    clock: createSystemClock(),
    // One Redis may serve several deployments (schemas): their queues must not take each other's jobs.
    prefix: settings.databaseSchema === undefined ? 'stagecraft' : `stagecraft-${settings.databaseSchema}`,
    onError: (error) => logger.warn('job queue connection trouble', { error }),
  });
  let stopped = false;
  const queued = jobQueueNudge(jobQueue, logger);
  const nudge: OutboxNudge = (ids, delayMs) => (stopped ? Promise.resolve() : queued(ids, delayMs));
  const stopNudging = workers || settings.redisUrl !== undefined ? registerOutboxCommitNudge(orm, nudge) : () => {};

  let worker: OutboxWorker | undefined;
  let timers: TimerScheduler | undefined;
  try {
    if (workers) {
      worker = await startOutboxWorker({
        orm,
        jobQueue,
        nudge,
        logger,
        handlers: options.handlers ?? outboxHandlers,
        retry: { maxAttempts: settings.outboxMaxAttempts, retryBaseMs: settings.outboxRetryMs, retryMaxMs },
        concurrency: settings.workerConcurrency,
        sweepEveryMs: settings.outboxSweepMs,
      });
      timers = await startTimerScheduler({ orm, jobQueue, logger, timeZone: settings.timeZone });
      const recycling = { orm, jobQueue, logger, defaultTimeZone: settings.timeZone };
      await registerRecycleSchedules(recycling);
      await processRecycleSweeps(recycling);
      await processCustomerImports({ orm, jobQueue, logger });
      await processDefinitionMigrations({ orm, jobQueue, logger });
    }
  } catch (error) {
    await timers?.stop();
    await worker?.stop();
    await jobQueue.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    nudge,
    worker,
    stop() {
      stopping ??= (async () => {
        await timers?.stop();
        await worker?.stop();
        // Nudges from here on would meet a closed queue; the rows wait in PostgreSQL for the next sweep anywhere.
        stopped = true;
        stopNudging();
        await jobQueue.close();
      })();
      return stopping;
    },
  };
}
