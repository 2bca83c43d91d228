import type { MikroORM } from '@mikro-orm/postgresql';
import { availableTransitions } from '../../engine/machines/index.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { machineActorOf, personActor } from './event-actor.ts';
import type { RecordAction } from './record-action.schema.ts';
import type { MachineRecordRow, RecordEventAdapter } from './record-event-adapter.ts';

/**
 * The buttons of any record with a machine, judged for the caller now by the engine's own checks over the record's
 * fact row and the definition version it runs on — the same inputs POST …/events gives `transition`, so a button
 * shown available is one the event endpoint takes, and an unavailable one is refused with the reason shown here.
 */
export async function recordActions<Row extends MachineRecordRow>(
  orm: MikroORM,
  adapter: RecordEventAdapter<Row>,
  caller: SignedIn,
  id: number,
  now: Date,
): Promise<RecordAction[] | undefined> {
  const em = orm.em.fork();
  const actor = personActor(caller);
  const row = await adapter.loadVisible(em, actor, id, false);
  if (row === undefined) return undefined;
  const definitions = await recordDefinitions(em, adapter.entity, { key: row.definitionKey, version: row.definitionVersion });
  const timeZone = caller.user.timeZone;
  const facts = await adapter.loadFactRow(em, definitions.catalogue, row, { now, timeZone });
  if (facts === undefined) return undefined;
  const buttons = availableTransitions(definitions.machine.document, row.machineSnapshot, {
    actor: machineActorOf(actor),
    facts,
    now,
    timeZone,
    catalogue: definitions.catalogue,
  });
  return buttons.map((button) => ({
    event: button.event,
    label: button.label,
    available: button.available,
    ...(button.target === undefined ? {} : { target: button.target }),
    ...(button.targetLabel === undefined ? {} : { targetLabel: button.targetLabel }),
    ...(button.reason === undefined ? {} : { reason: button.reason }),
  }));
}
