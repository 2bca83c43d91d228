import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobQueue, Repeat } from '../../adapters/job-queue/job-queue.port.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import { durationToMs } from '../../engine/machines/duration-to-ms.ts';
import type { Logger } from '../observability/logger.ts';
import { publishedRecycleRule, publishedRecycleRules, ruleTimeZone } from './recycle-rules.ts';
import { sweepRecycleRule } from './sweep-recycle-rule.command.ts';

/** The job queue the recycle sweeps run on; one schedule per rule, named by the rule's id. */
export const recyclingQueue = 'recycling';
const sweepJobName = 'recycle-sweep';

export interface RecycleScheduleOptions {
  orm: MikroORM;
  jobQueue: JobQueue;
  logger: Logger;
  /** The zone of rules whose schedule names none (STAGECRAFT_TIME_ZONE). */
  defaultTimeZone: string;
}

export interface RecycleSweepJob {
  ruleId: string;
}

/** A rule's schedule as the job-queue port takes it; undefined for a schedule it cannot read. */
export function recycleRepeat(rule: Rule, defaultTimeZone: string): Repeat | undefined {
  const schedule = rule.trigger.schedule;
  if (schedule?.cron !== undefined) return { cron: schedule.cron, tz: ruleTimeZone(rule, defaultTimeZone) };
  const everyMs = schedule?.every === undefined ? undefined : durationToMs(schedule.every);
  return everyMs === undefined || everyMs < 1 ? undefined : { everyMs };
}

export const recycleScheduleId = (ruleId: string) => ruleId;

/**
 * Upserts one job-queue schedule per enabled recycle rule from its cron (or interval) and removes the schedules of
 * disabled ones. Call it at every start — the in-process queue forgets schedules with its process — and after
 * publishing a rule; upserting an unchanged schedule keeps its timing. Returns the schedule ids now in force.
 */
export async function registerRecycleSchedules(options: RecycleScheduleOptions): Promise<string[]> {
  const { orm, jobQueue, logger, defaultTimeZone } = options;
  const rules = await publishedRecycleRules(orm.em.fork());
  const scheduled: string[] = [];
  for (const { rule } of rules) {
    const scheduleId = recycleScheduleId(rule.id);
    const repeat = rule.enabled ? recycleRepeat(rule, defaultTimeZone) : undefined;
    if (repeat === undefined) {
      await jobQueue.removeSchedule(recyclingQueue, scheduleId);
      continue;
    }
    await jobQueue.upsertSchedule<RecycleSweepJob>(recyclingQueue, scheduleId, repeat, {
      name: sweepJobName,
      data: { ruleId: rule.id },
      attempts: 3,
      backoff: { type: 'exponential', delayMs: 60_000 },
    });
    scheduled.push(scheduleId);
  }
  logger.info('recycle schedules registered', { schedules: scheduled });
  return scheduled;
}

/**
 * Works the recycling queue in this process: each job sweeps its rule (as the system) unless the rule was disabled
 * since the schedule was made. Sweeps of one rule take turns on an advisory lock, so any number of workers may run.
 */
export async function processRecycleSweeps(options: RecycleScheduleOptions): Promise<void> {
  const { orm, jobQueue, logger, defaultTimeZone } = options;
  await jobQueue.process<RecycleSweepJob>(recyclingQueue, async (job) => {
    const published = await publishedRecycleRule(orm.em.fork(), job.data.ruleId);
    if (published === undefined || !published.rule.enabled) {
      logger.info('recycle sweep skipped: rule missing or disabled', { ruleId: job.data.ruleId });
      return;
    }
    const result = await sweepRecycleRule(orm, { actorId: null }, job.data.ruleId, { defaultTimeZone });
    logger.info('recycle sweep done', { ruleId: job.data.ruleId, moved: result?.moved ?? 0, warned: result?.warned ?? 0 });
  });
}
