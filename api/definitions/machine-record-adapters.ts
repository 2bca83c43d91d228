import type { EntityName } from '../../definitions/entity.schema.ts';
import { leadEventAdapter } from '../leads/lead-event-adapter.ts';
import { timerTargets } from '../timers/timer-targets.ts';
import type { MachineRecordRow, RecordEventAdapter } from '../transitions/record-event-adapter.ts';

/**
 * How the designer's migration, impact preview and simulation reach the records of an entity with a machine: the
 * event command's own adapters (the timers' registry, plus leads, which have no machine timers there).
 */
export function machineRecordAdapter(entity: EntityName): RecordEventAdapter<MachineRecordRow> | undefined {
  if (entity === 'lead') return leadEventAdapter as unknown as RecordEventAdapter<MachineRecordRow>;
  return timerTargets[entity]?.adapter;
}

/** The column an entity's table keeps the stage in. */
export function stageColumnOf(adapter: RecordEventAdapter<MachineRecordRow>): string {
  return adapter.stageColumn ?? 'stage';
}

/** The column that names a record of each entity in samples (a customer's name, an order's number, a ticket's subject). */
export const recordNameColumns: Readonly<Record<EntityName, string>> = {
  customer: 'name',
  contact: 'name',
  opportunity: 'name',
  order: 'order_number',
  ticket: 'subject',
  lead: 'name',
};
