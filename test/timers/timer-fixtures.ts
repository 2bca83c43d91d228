import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../../adapters/clock/clock.port.ts';
import { createSystemClock } from '../../adapters/clock/system-clock.ts';
import { createInProcessJobQueue } from '../../adapters/job-queue/in-process-job-queue.ts';
import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { startTimerScheduler, type TimerScheduler } from '../../api/timers/timer-scheduler.ts';
import type { TestApp } from '../support/test-app.ts';

export const hourMs = 3_600_000;

/** The machine's clock moved `aheadMs` into the future: timers that will be due by then are due now. */
export function clockAhead(aheadMs: number): Clock {
  const system = createSystemClock();
  return { now: () => system.now() + aheadMs, setTimer: (delayMs, callback) => system.setTimer(delayMs, callback) };
}

export interface RunningScheduler {
  scheduler: TimerScheduler;
  jobQueue: JobQueue;
  logLines: string[];
  stop(): Promise<void>;
}

/** A real scheduler on its own in-process job queue, its log kept; `aheadMs` moves its clock. */
export async function aScheduler(orm: MikroORM, aheadMs: number, onLog: (line: string) => void = () => {}): Promise<RunningScheduler> {
  const jobQueue = createInProcessJobQueue({ clock: createSystemClock() });
  const logLines: string[] = [];
  const logger = createLogger('debug', (line) => {
    logLines.push(line);
    onLog(line);
  });
  const scheduler = await startTimerScheduler({ orm, jobQueue, logger, clock: clockAhead(aheadMs), pollEveryMs: 200, maxSleepMs: 200 });
  return {
    scheduler,
    jobQueue,
    logLines,
    async stop() {
      await scheduler.stop();
      await jobQueue.close();
    },
  };
}

/** Resolves once `check` holds, looking every 25 ms; the test's own timeout bounds the wait. */
export async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** Pending timers already due at `now + aheadMs`. */
export async function duePending(app: TestApp, aheadMs: number): Promise<number> {
  const { rows } = await app.schema.pool.query(
    "select count(*)::int as count from due_timer where status = 'pending' and due_at <= $1",
    [new Date(Date.now() + aheadMs)],
  );
  return rows[0].count;
}

export interface TimerRow {
  id: number;
  timer_key: string;
  kind: string;
  entity: string;
  record_id: number;
  event_type: string | null;
  status: string;
  due_at: Date;
  outcome: Record<string, unknown> | null;
  details: Record<string, unknown>;
}

export async function timersOf(app: TestApp, entity: string, recordId: number): Promise<TimerRow[]> {
  const { rows } = await app.schema.pool.query(
    `select id::int, timer_key, kind, entity, record_id::int, event_type, status, due_at, outcome, details
     from due_timer where entity = $1 and record_id = $2 order by due_at, id`,
    [entity, recordId],
  );
  return rows;
}
