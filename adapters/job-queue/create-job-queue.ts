import type { Clock } from '../clock/clock.port.ts';
import { createInProcessJobQueue } from './in-process-job-queue.ts';
import type { JobQueue } from './job-queue.port.ts';

export interface JobQueueSettings {
  /** Set: BullMQ on this Redis. Unset: the in-process queue of the embedded default. */
  redisUrl?: string | undefined;
  /** Times the in-process queue; BullMQ keeps time in Redis. */
  clock: Clock;
  /** BullMQ's connection trouble (Redis unreachable, reconnecting). */
  onError?: (error: Error) => void;
  /** BullMQ's key prefix, so deployments sharing one Redis keep their queues apart (default `stagecraft`). */
  prefix?: string;
}

/** The job queue REDIS_URL asks for. */
export async function createJobQueue({ redisUrl, clock, onError, prefix }: JobQueueSettings): Promise<JobQueue> {
  if (redisUrl === undefined) return createInProcessJobQueue({ clock });
  // Loaded only when asked for: BullMQ and ioredis add about 0.1 s to the embedded default's start.
  const { createBullmqJobQueue } = await import('./bullmq-job-queue.ts');
  return createBullmqJobQueue({ redisUrl, onError, ...(prefix === undefined ? {} : { prefix }) });
}
