import type { MikroORM } from '@mikro-orm/postgresql';
import type { CancelTimer, Clock } from '../../adapters/clock/clock.port.ts';
import { createSystemClock } from '../../adapters/clock/system-clock.ts';
import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import type { Logger } from '../observability/logger.ts';
import { fireNextDueTimer, nextDueAt, postponeFailedTimer, TimerFailed } from './fire-due-timer.ts';

/** The queue whose schedule nudges every scheduler to look for due timers. */
export const timerQueue = 'due-timers';
const pollScheduleId = 'due-timers-poll';

export interface TimerSchedulerSettings {
  orm: MikroORM;
  jobQueue: JobQueue;
  logger: Logger;
  clock?: Clock;
  /** The time zone the system actor judges guards in; the installation's (STAGECRAFT_TIME_ZONE). */
  timeZone?: string;
  /** How often the job queue's schedule makes a scheduler look, whatever it expects (default 15 s). */
  pollEveryMs?: number;
  /** The longest a scheduler sleeps on its own timer (default 60 s): a timer added by another process is seen by then. */
  maxSleepMs?: number;
}

export interface TimerScheduler {
  /** Stops waking up and waits for a firing under way to finish; the job queue stays the caller's to close. */
  stop(): Promise<void>;
}

/**
 * Turns due timers into events and reminders. It wakes at the next due time (a timer of its clock, bounded by
 * `maxSleepMs`) and whenever the job queue's poll schedule runs, then fires due timers one transaction each until
 * none is left (fire-due-timer.ts). The timers themselves live only in PostgreSQL: the poll and the wake-ups are
 * nudges, so a lost Redis or a restart loses nothing, and several schedulers share the work without firing a timer
 * twice.
 */
export async function startTimerScheduler(settings: TimerSchedulerSettings): Promise<TimerScheduler> {
  const { orm, jobQueue, logger } = settings;
  const clock = settings.clock ?? createSystemClock();
  const timeZone = settings.timeZone ?? 'Asia/Shanghai';
  const maxSleepMs = settings.maxSleepMs ?? 60_000;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let cancelWake: CancelTimer | undefined;

  const fireDue = async () => {
    while (!stopped) {
      const now = new Date(clock.now());
      try {
        const settled = await fireNextDueTimer(orm, { now, timeZone });
        if (settled === undefined) return;
        logger.debug('timer settled', { timerId: settled.id, status: settled.status });
      } catch (error) {
        if (!(error instanceof TimerFailed)) throw error;
        logger.warn('timer failed; it will be tried again', { timerId: error.timerId, error: error.cause });
        await postponeFailedTimer(orm, error, now);
      }
    }
  };

  const arm = async () => {
    cancelWake?.();
    if (stopped) return;
    const next = await nextDueAt(orm);
    const delay = next === undefined ? maxSleepMs : Math.min(maxSleepMs, Math.max(0, next.getTime() - clock.now()));
    cancelWake = clock.setTimer(delay, () => void wake());
  };

  // One pass at a time per scheduler; a nudge during a pass asks for one more pass after it.
  const wake = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await fireDue();
          await arm();
        } catch (error) {
          logger.error('timer scheduler pass failed', { error });
          if (!stopped) cancelWake = clock.setTimer(Math.min(maxSleepMs, 5_000), () => void wake());
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  await jobQueue.process(timerQueue, async () => {
    await wake();
  });
  await jobQueue.upsertSchedule(timerQueue, pollScheduleId, { everyMs: settings.pollEveryMs ?? 15_000 }, { name: 'poll', data: {} });
  void wake();

  return {
    async stop() {
      stopped = true;
      cancelWake?.();
      await running;
    },
  };
}
