import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../observability/logger.ts';
import { deliverOutboxMessage, type DeliveryOutcome, type OutboxHandlers } from '../outbox/deliver-outbox-message.ts';
import { outboxQueue, type OutboxJob, type OutboxNudge } from '../outbox/outbox-nudge.ts';
import type { OutboxRetryPolicy } from '../outbox/outbox-retry-policy.ts';

export interface OutboxWorkerOptions {
  orm: MikroORM;
  jobQueue: JobQueue;
  nudge: OutboxNudge;
  logger: Logger;
  handlers: OutboxHandlers;
  retry: OutboxRetryPolicy;
  /** Messages this process delivers at the same time. */
  concurrency: number;
  /** Look for due messages at least this often, whatever the nudges. */
  sweepEveryMs: number;
}

export interface OutboxWorker {
  /** Messages this process delivered (or parked) since it started, by how it found them. */
  readonly delivered: { byNudge: number; bySweep: number };
  /** Stops sweeping and waits for the deliveries under way; the job queue's own close waits for running jobs. */
  stop(): Promise<void>;
}

/**
 * Delivers outbox messages in this process, two ways at once: a job per nudged message from the job queue (work
 * starts right after the commit), and a sweep of `concurrency` lanes every `sweepEveryMs` that delivers whatever is
 * due — messages whose nudge was lost (Redis away, a process killed), retries whose backoff ran out, and rows a killed
 * worker left unlocked. Both claim rows with `skip locked`, so any number of processes may run this side by side.
 */
export async function startOutboxWorker(options: OutboxWorkerOptions): Promise<OutboxWorker> {
  const { orm, jobQueue, nudge, logger, handlers, retry, concurrency, sweepEveryMs } = options;
  const delivered = { byNudge: 0, bySweep: 0 };
  let stopping = false;
  let wake: (() => void) | undefined;

  const deliver = async (how: 'byNudge' | 'bySweep', id?: number): Promise<DeliveryOutcome | undefined> => {
    const outcome = await deliverOutboxMessage(orm, handlers, retry, id === undefined ? {} : { id });
    if (outcome === undefined) return undefined;
    delivered[how]++;
    if (outcome.status === 'done') return outcome;
    if (outcome.status === 'failed') {
      logger.warn('outbox message failed; will retry', { id: outcome.id, topic: outcome.topic, attempts: outcome.attempts, error: outcome.error });
      await nudge([outcome.id], outcome.retryInMs);
    } else {
      logger.error('outbox message parked as a dead letter', { id: outcome.id, topic: outcome.topic, attempts: outcome.attempts, error: outcome.error });
    }
    return outcome;
  };

  await jobQueue.process<OutboxJob>(
    outboxQueue,
    async (job) => {
      if (stopping) return;
      try {
        await deliver('byNudge', job.data.id);
      } catch (error) {
        // The row stays pending in PostgreSQL: the sweep tries it again, so failing the job would add nothing.
        logger.warn('outbox delivery interrupted; the sweep will retry', { id: job.data.id, error });
      }
    },
    { concurrency },
  );

  const lane = async () => {
    while (!stopping && (await deliver('bySweep')) !== undefined) {
      // Keep delivering while messages are due.
    }
  };
  const sweeping = (async () => {
    while (!stopping) {
      try {
        await Promise.all(Array.from({ length: concurrency }, lane));
      } catch (error) {
        logger.warn('outbox sweep interrupted; trying again at the next sweep', { error });
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sweepEveryMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();

  return {
    delivered,
    async stop() {
      stopping = true;
      wake?.();
      await sweeping;
    },
  };
}
