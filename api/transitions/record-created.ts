import type { InitialResult } from '../../engine/machines/index.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { effectMessages } from '../outbox/effect-messages.ts';
import { syncRecordTimers } from '../timers/sync-machine-timers.ts';
import type { FiredEvent, TransitionReaction } from './fire-record-event.command.ts';
import type { MachineRecordRow } from './record-event-adapter.ts';

/** What a new record with a machine leaves behind once its row is flushed. */
export interface RecordCreated {
  entity: string;
  row: MachineRecordRow;
  customerId: number;
  /** The machine's initial step: snapshot, trace, entry effects. */
  start: InitialResult;
  document: Record<string, unknown>;
  timeZone: string;
  reactions: readonly TransitionReaction[];
}

/**
 * The rest of creating a record with a machine, inside the creating command's transaction: the `create` audit entry
 * (the initial step's trace as the why), the initial state's entry effects as outbox messages, the initial state's
 * timers, then the reactions (as for a transition from nothing into the initial state). Returns what they fired.
 */
export async function recordCreated(context: CommandContext, created: RecordCreated): Promise<FiredEvent[]> {
  const { row, start } = created;
  context.audit({
    entity: created.entity,
    recordId: row.id,
    customerId: created.customerId,
    action: 'create',
    before: null,
    after: { ...created.document },
    why: { kind: 'trace', trace: start.trace },
  });
  const source = { entity: created.entity, recordId: row.id, version: row.version, cause: `enter:${row.stage}`, actorId: context.actorId };
  for (const message of effectMessages(source, start.effects)) context.enqueue(message);
  await syncRecordTimers(context, { entity: created.entity, row, customerId: created.customerId, after: start.snapshot });
  const taken = {
    entity: created.entity,
    row,
    customerId: created.customerId,
    before: { ...start.snapshot, flags: {} },
    after: start.snapshot,
    timeZone: created.timeZone,
    reactions: created.reactions,
    depth: 0,
  };
  const followUps: FiredEvent[] = [];
  for (const reaction of created.reactions) followUps.push(...(await reaction(context, taken)));
  return followUps;
}
