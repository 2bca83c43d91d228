import type { EntityName } from '../../definitions/entity.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { pendingTimers, type MachineSnapshot, type PendingTimer } from '../../engine/machines/index.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { BindParams, boundExecute } from '../database/bound-query.ts';
import type { MachineRecordRow } from '../transitions/record-event-adapter.ts';

/** A record's move in its machine, as the timers see it. */
export interface MachineTimersChange {
  entity: string;
  recordId: number;
  customerId?: number | null;
  machine: MachineDefinition;
  /** The snapshot before the move; absent for a record just created. */
  before?: MachineSnapshot;
  after: MachineSnapshot;
}

/**
 * The key of one machine timer. It carries the due time, so a stage left and entered again gets new timers, and the
 * settled rows of earlier visits stay as history.
 */
export function machineTimerKey(entity: string, recordId: number, timer: PendingTimer): string {
  return `${entity}:${recordId}:${timer.event.type}@${timer.dueAt}`;
}

/** Whether a move leaves a record's machine timers as they are: they depend only on the stage and when it was entered. */
export const timersUnchanged = (before: MachineSnapshot, after: MachineSnapshot) =>
  before.value === after.value && before.enteredAt === after.enteredAt && before.status === after.status;

/**
 * Common table expressions (ready to follow `with`) that bring a record's machine timers in step with its snapshot:
 * the pending timers of the stage left are cancelled, those of the stage entered are inserted (a key that exists
 * stays as it is — machine timer keys carry their due time). Undefined when the move leaves them as they are
 * (timersUnchanged). `onlyIf` (SQL) makes both writes conditional, on a row a write in the same statement returned.
 * Cancelling skips rows a scheduler holds while firing them, and inserting takes no row lock, so a transition and a
 * scheduler never wait on each other. `prefix` goes before both names, for several commands in one statement.
 */
export function machineTimerWrites(
  bind: BindParams,
  change: MachineTimersChange,
  now: Date,
  onlyIf = 'true',
  prefix = '',
): string | undefined {
  const { entity, recordId, before, after } = change;
  if (before !== undefined && timersUnchanged(before, after)) return undefined;
  const wanted = pendingTimers(change.machine, after).map((timer) => ({
    timer_key: machineTimerKey(entity, recordId, timer),
    event_type: timer.event.type,
    details: { stage: after.value, delay: timer.delay, targets: timer.targets, label: timer.label, source: timer.source },
    due_at: new Date(timer.dueAt).toISOString(),
  }));
  const timers = `${bind.add(JSON.stringify(wanted))}::jsonb`;
  const at = `${bind.add(now)}::timestamptz`;
  const entityValue = `${bind.add(entity)}::varchar`;
  const record = `${bind.add(recordId)}::bigint`;
  return `${prefix}cancelled_timers as (
      update due_timer set status = 'cancelled', settled_at = ${at},
        outcome = ${bind.add(JSON.stringify({ cancelled: { code: 'stageLeft', stage: before?.value ?? null } }))}::jsonb
      where id in (
        select id from due_timer
        where entity = ${entityValue} and record_id = ${record} and kind = 'machine' and status = 'pending'
          and timer_key not in (select t.timer_key from jsonb_to_recordset(${timers}) as t(timer_key varchar))
          and ${onlyIf}
        for update skip locked)
    ),
    ${prefix}inserted_timers as (
      insert into due_timer (timer_key, kind, entity, record_id, customer_id, event_type, details, due_at, status, created_at)
      select t.timer_key, 'machine', ${entityValue}, ${record}, ${bind.add(change.customerId ?? null)}::bigint, t.event_type,
             t.details, t.due_at, 'pending', ${at}
      from jsonb_to_recordset(${timers}) as t(timer_key varchar, event_type varchar, details jsonb, due_at timestamptz)
      where ${onlyIf}
      on conflict (timer_key) do nothing
    )`;
}

/** Keeps a record's machine timers in step with its snapshot, inside the transition's transaction (one statement). */
export async function syncMachineTimers(context: CommandContext, change: MachineTimersChange): Promise<void> {
  const bind = new BindParams();
  const writes = machineTimerWrites(bind, change, context.now);
  if (writes !== undefined) await boundExecute(context.em, `with ${writes} select 1`, bind.values);
}

/** The same for a record given as its row: the machine is the version the row runs on. */
export async function syncRecordTimers(
  context: CommandContext,
  record: { entity: string; row: MachineRecordRow; customerId: number; before?: MachineSnapshot; after: MachineSnapshot },
): Promise<void> {
  const { row } = record;
  const definitions = await recordDefinitions(context.em, record.entity as EntityName, { key: row.definitionKey, version: row.definitionVersion });
  await syncMachineTimers(context, {
    entity: record.entity,
    recordId: row.id,
    customerId: record.customerId,
    machine: definitions.machine.document,
    ...(record.before === undefined ? {} : { before: record.before }),
    after: record.after,
  });
}
