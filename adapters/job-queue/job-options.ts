import { parseCronExpression } from './cron-next-fire.ts';
import type { AddJobOptions, Backoff, ProcessOptions, Repeat } from './job-queue.port.ts';

/**
 * The checks both implementations make before touching a queue, so a mistake fails the same way (and at once) on
 * the embedded default as on Redis. The id rules are BullMQ's: it keys jobs as `prefix:queue:id`.
 */

/** Failed jobs kept per queue for inspection; the oldest go first. */
export const failedJobsKept = 1000;

export function checkQueueName(queue: string): void {
  if (queue === '' || queue.includes(':')) throw new TypeError(`A queue name must be non-empty and without ":"; got ${JSON.stringify(queue)}.`);
}

export function checkJobName(name: string): void {
  if (name === '') throw new TypeError('A job name must be non-empty.');
}

export function checkScheduleId(scheduleId: string): void {
  if (scheduleId === '' || scheduleId.includes(':')) {
    throw new TypeError(`A schedule id must be non-empty and without ":"; got ${JSON.stringify(scheduleId)}.`);
  }
}

export function checkAddJobOptions(options: AddJobOptions): void {
  const { jobId, delayMs, attempts, backoff } = options;
  if (jobId !== undefined && (jobId === '' || jobId.includes(':') || /^\d+$/.test(jobId))) {
    throw new TypeError(`A jobId must be non-empty, without ":" and not a whole number; got ${JSON.stringify(jobId)}.`);
  }
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new RangeError(`delayMs must be a finite number ≥ 0; got ${delayMs}.`);
  }
  checkRetries(attempts, backoff);
}

export function checkRetries(attempts: number | undefined, backoff: Backoff | undefined): void {
  if (attempts !== undefined && !(Number.isInteger(attempts) && attempts >= 1)) {
    throw new RangeError(`attempts must be a whole number ≥ 1; got ${attempts}.`);
  }
  if (backoff !== undefined) {
    if (backoff.type !== 'fixed' && backoff.type !== 'exponential') {
      throw new TypeError(`backoff.type must be "fixed" or "exponential"; got ${JSON.stringify(backoff.type)}.`);
    }
    if (!(Number.isFinite(backoff.delayMs) && backoff.delayMs >= 0)) {
      throw new RangeError(`backoff.delayMs must be a finite number ≥ 0; got ${backoff.delayMs}.`);
    }
  }
}

export function checkRepeat(repeat: Repeat): void {
  if ('everyMs' in repeat) {
    if (!(Number.isInteger(repeat.everyMs) && repeat.everyMs >= 1)) {
      throw new RangeError(`everyMs must be a whole number ≥ 1; got ${repeat.everyMs}.`);
    }
    return;
  }
  parseCronExpression(repeat.cron);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: repeat.tz });
  } catch {
    throw new RangeError(`${JSON.stringify(repeat.tz)} is not an IANA time zone.`);
  }
}

export function checkProcessOptions(options: ProcessOptions): void {
  const { concurrency } = options;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new RangeError(`concurrency must be a whole number ≥ 1; got ${concurrency}.`);
  }
}

/** The wait before a retry, after `failedAttempts` tries failed (BullMQ's built-in strategies, without jitter). */
export function retryDelayMs(backoff: Backoff | undefined, failedAttempts: number): number {
  if (backoff === undefined) return 0;
  return backoff.type === 'fixed' ? backoff.delayMs : Math.round(backoff.delayMs * 2 ** (failedAttempts - 1));
}
