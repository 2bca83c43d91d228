import type { EntityName } from '../../definitions/entity.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { pendingTimers, type MachineSnapshot, type PendingTimer } from '../../engine/machines/index.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { boundExecute } from '../database/bound-query.ts';
import type { TransitionReaction } from '../transitions/fire-record-event.command.ts';
import type { MachineRecordRow } from '../transitions/record-event-adapter.ts';
import { scheduleTimer } from './due-timers.ts';

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
 * Keeps a record's machine timers in step with its snapshot, inside the transition's transaction: the pending timers
 * of the stage left are cancelled, those of the stage entered are added. Timers depend only on the stage and when it
 * was entered (pendingTimers), so a move that changes neither (a flag, a self-transition) writes nothing, and calling
 * it twice for one move is harmless.
 */
export async function syncMachineTimers(context: CommandContext, change: MachineTimersChange): Promise<void> {
  const { entity, recordId, before, after } = change;
  if (before !== undefined && timersUnchanged(before, after)) return;
  const wanted = pendingTimers(change.machine, after);
  const keys = wanted.map((timer) => machineTimerKey(entity, recordId, timer));
  await boundExecute(
    context.em,
    `update due_timer set status = 'cancelled', settled_at = $4, outcome = $5::jsonb
     where id in (
       select id from due_timer
       where entity = $1 and record_id = $2 and kind = 'machine' and status = 'pending' and timer_key <> all($3::text[])
       for update skip locked)`,
    [entity, recordId, keys, context.now, JSON.stringify({ cancelled: { code: 'stageLeft', stage: before?.value ?? null } })],
  );
  for (const [index, timer] of wanted.entries()) {
    await scheduleTimer(context, {
      key: keys[index] as string,
      kind: 'machine',
      entity,
      recordId,
      customerId: change.customerId ?? null,
      eventType: timer.event.type,
      details: { stage: after.value, delay: timer.delay, targets: timer.targets, label: timer.label, source: timer.source },
      dueAt: new Date(timer.dueAt),
    });
  }
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
