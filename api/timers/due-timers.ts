import type { CommandContext } from '../commands/command-context.ts';
import { boundExecute } from '../database/bound-query.ts';

/** What a timer does when due: send a record's machine its `after` event, or remind people of a follow-up. */
export const dueTimerKinds = ['machine', 'reminder'] as const;
export type DueTimerKind = (typeof dueTimerKinds)[number];

export const dueTimerStatuses = ['pending', 'fired', 'cancelled'] as const;
export type DueTimerStatus = (typeof dueTimerStatuses)[number];

/** One timer to keep. `key` names it for good: scheduling a key that exists changes nothing (see scheduleTimer). */
export interface NewDueTimer {
  key: string;
  kind: DueTimerKind;
  entity: string;
  recordId: number;
  customerId?: number | null;
  /** The machine event a `machine` timer sends. */
  eventType?: string;
  /** Who asked for a reminder; the fallback recipient when the record has no owner. */
  userId?: number | null;
  /** What the firing needs besides the row: a reminder's title and note, a machine timer's label and delay. */
  details?: Record<string, unknown>;
  dueAt: Date;
}

export interface ScheduleOptions {
  /**
   * A key that exists with another due time is moved there and armed again, even after it fired (a reminder the
   * author moved). Without it the existing row wins: machine timer keys already carry their due time.
   */
  reschedule?: boolean;
}

/** Inserts a pending timer in the command's transaction; true when a row was written or moved. */
export async function scheduleTimer(context: CommandContext, timer: NewDueTimer, options: ScheduleOptions = {}): Promise<boolean> {
  // DO NOTHING takes no row lock: a scheduler holding the row while it fires it never makes this wait (no deadlock
  // between a transition syncing its timers and a scheduler firing one of them).
  const onConflict = options.reschedule === true
    ? `on conflict (timer_key) do update set due_at = excluded.due_at, details = excluded.details, user_id = excluded.user_id,
         status = 'pending', settled_at = null, outcome = null, attempts = 0, last_error = null
       where due_timer.due_at is distinct from excluded.due_at or due_timer.status = 'cancelled'`
    : 'on conflict (timer_key) do nothing';
  const written = await boundExecute(
    context.em,
    `insert into due_timer (timer_key, kind, entity, record_id, customer_id, event_type, user_id, details, due_at, status, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, 'pending', $10) ${onConflict}`,
    [
      timer.key,
      timer.kind,
      timer.entity,
      timer.recordId,
      timer.customerId ?? null,
      timer.eventType ?? null,
      timer.userId ?? null,
      JSON.stringify(timer.details ?? {}),
      timer.dueAt,
      context.now,
    ],
  );
  return written > 0;
}

/** Why a timer was cancelled, kept in its `outcome`. */
export interface CancelReason {
  code: string;
  message?: string;
}

/**
 * Cancels the pending timers named by key. Rows a scheduler holds right now are skipped, not waited for: the
 * scheduler fires them against the record as it will be after this transaction, and the machine refuses a timer of a
 * stage the record left, which cancels it then (with the machine's reason).
 */
export async function cancelTimers(context: CommandContext, keys: readonly string[], reason: CancelReason): Promise<number> {
  if (keys.length === 0) return 0;
  return boundExecute(
    context.em,
    `update due_timer set status = 'cancelled', settled_at = $2, outcome = $3::jsonb
     where id in (select id from due_timer where timer_key = any($1::text[]) and status = 'pending' for update skip locked)`,
    [keys, context.now, JSON.stringify({ cancelled: reason })],
  );
}
