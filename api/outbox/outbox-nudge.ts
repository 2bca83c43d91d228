import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import type { Logger } from '../observability/logger.ts';

/** The job queue the dispatcher listens on; one job per message, named by its id. */
export const outboxQueue = 'outbox';
export const outboxJobName = 'deliver';

export interface OutboxJob {
  id: number;
}

/** Asks a worker to deliver these committed messages now; best effort — the sweep finds any whose nudge is lost. */
export type OutboxNudge = (messageIds: readonly number[], delayMs?: number) => Promise<void>;

/**
 * Nudges through the job queue: a job per message whose id names the message, so nudging one twice while its job
 * waits adds nothing. A queue that cannot take the job (Redis away) is logged and forgotten: the row is in
 * PostgreSQL, and the periodic sweep delivers it.
 */
export function jobQueueNudge(jobQueue: JobQueue, logger: Logger): OutboxNudge {
  return async (messageIds, delayMs) => {
    const added = await Promise.allSettled(
      messageIds.map((id) =>
        jobQueue.add<OutboxJob>(outboxQueue, outboxJobName, { id }, { jobId: `outbox-${id}${delayMs ? `-after-${delayMs}` : ''}`, delayMs }),
      ),
    );
    const failed = added.filter((outcome) => outcome.status === 'rejected');
    if (failed.length > 0) {
      logger.warn('outbox nudge not queued; the sweep will deliver', { messages: failed.length, error: failed[0]!.reason });
    }
  };
}
