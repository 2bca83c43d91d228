import type { MikroORM } from '@mikro-orm/postgresql';
import type { CommandContext } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { systemActor } from '../transitions/event-actor.ts';
import { fireRecordEvent } from '../transitions/fire-record-event.command.ts';
import type { DueTimerKind } from './due-timers.ts';
import { fireReminder, type ReminderDetails } from './reminder-timers.ts';
import { timerTargets } from './timer-targets.ts';

interface DueTimerRow {
  id: string;
  kind: DueTimerKind;
  entity: string;
  record_id: string;
  event_type: string | null;
  user_id: string | null;
  details: Record<string, unknown>;
}

/** What became of one due timer. */
export interface SettledTimer {
  id: number;
  status: 'fired' | 'cancelled';
  outcome: Record<string, unknown>;
}

export interface FireSettings {
  now: Date;
  /** The time zone the system actor judges guards in (days-since facts, today). */
  timeZone: string;
}

async function settle(context: CommandContext, id: number, status: SettledTimer['status'], outcome: Record<string, unknown>): Promise<SettledTimer> {
  await boundExecute(context.em, 'update due_timer set status = $2, settled_at = $3, outcome = $4::jsonb where id = $1', [
    id,
    status,
    context.now,
    JSON.stringify(outcome),
  ]);
  return { id, status, outcome };
}

async function fireMachineTimer(context: CommandContext, timer: DueTimerRow, settings: FireSettings): Promise<SettledTimer> {
  const id = Number(timer.id);
  const target = timerTargets[timer.entity];
  if (target === undefined || timer.event_type === null) return settle(context, id, 'cancelled', { cancelled: { code: 'noMachine', entity: timer.entity } });
  try {
    const outcome = await fireRecordEvent(context, target.adapter, Number(timer.record_id), { type: timer.event_type }, systemActor(settings.timeZone), {
      // Stable per timer: a retried firing produces the same effect keys, so the outbox takes each effect once.
      cause: `timer:${id}`,
      reactions: target.reactions,
    });
    if (!outcome.ok) return settle(context, id, 'cancelled', { refused: outcome.reason });
    return settle(context, id, 'fired', { from: outcome.fired.from, to: outcome.fired.to, version: outcome.fired.version });
  } catch (error) {
    // The adapter's "not found" comes before anything is written: a record deleted or purged since the timer was set.
    if (error instanceof HttpProblem && error.status === 404) return settle(context, id, 'cancelled', { cancelled: { code: 'recordGone' } });
    throw error;
  }
}

/**
 * Claims the most overdue pending timer and fires it, in one transaction (runCommand): the machine event or the
 * reminder's notification, the timer marked fired — or cancelled with the reason when the machine refuses (the record
 * moved on) or the record is gone. The claim is `FOR UPDATE SKIP LOCKED`, so any number of schedulers in any number of
 * processes each take a different row, and a row is settled in the same commit as its effect: exactly once, even
 * across a crash (an interrupted firing rolls back and the row is simply pending again).
 *
 * Undefined when nothing is due. A failure rolls the firing back and is rethrown with the timer's id attached
 * (`TimerFailed`) so the caller can set it aside for a while.
 */
export async function fireNextDueTimer(orm: MikroORM, settings: FireSettings): Promise<SettledTimer | undefined> {
  let claimed: number | undefined;
  try {
    return await runCommand(orm, { actorId: null, now: settings.now }, async (context) => {
      const [timer] = await boundQuery<DueTimerRow>(
        context.em,
        `select id::text as id, kind, entity, record_id::text as record_id, event_type, user_id::text as user_id, details
         from due_timer where status = 'pending' and due_at <= $1
         order by due_at, id limit 1 for update skip locked`,
        [settings.now],
      );
      if (timer === undefined) return undefined;
      claimed = Number(timer.id);
      if (timer.kind === 'machine') return fireMachineTimer(context, timer, settings);
      const fired = await fireReminder(context, {
        id: claimed,
        entity: timer.entity,
        recordId: Number(timer.record_id),
        userId: timer.user_id === null ? null : Number(timer.user_id),
        details: timer.details as unknown as ReminderDetails,
      });
      return fired ? settle(context, claimed, 'fired', { notified: true }) : settle(context, claimed, 'cancelled', { cancelled: { code: 'recordGone' } });
    });
  } catch (error) {
    if (claimed === undefined) throw error;
    throw new TimerFailed(claimed, error);
  }
}

/** A claimed timer whose firing failed and was rolled back. */
export class TimerFailed extends Error {
  override name = 'TimerFailed';
  readonly timerId: number;

  constructor(timerId: number, cause: unknown) {
    super(`Timer ${timerId} failed to fire: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.timerId = timerId;
  }
}

/**
 * Sets a failed timer aside: it stays pending (nothing it should do is lost) and is tried again after a backoff that
 * doubles per failure, from 5 seconds to an hour, so a timer that cannot fire does not hold a scheduler in a loop.
 */
export async function postponeFailedTimer(orm: MikroORM, failure: TimerFailed, now: Date): Promise<void> {
  await runCommand(orm, { actorId: null, now }, async (context) => {
    await boundExecute(
      context.em,
      `update due_timer set attempts = attempts + 1, last_error = $2,
         due_at = $3::timestamptz + least(interval '1 hour', interval '5 seconds' * power(2, attempts))
       where id = $1 and status = 'pending'`,
      [failure.timerId, String(failure.cause instanceof Error ? failure.cause.message : failure.cause).slice(0, 2000), now],
    );
  });
}

/** The earliest due time of a pending timer, for the scheduler's next wake-up; undefined when none is pending. */
export async function nextDueAt(orm: MikroORM): Promise<Date | undefined> {
  const [row] = await boundQuery<{ due_at: Date | string | null }>(orm.em.fork(), "select min(due_at) as due_at from due_timer where status = 'pending'");
  return row?.due_at == null ? undefined : new Date(row.due_at);
}
