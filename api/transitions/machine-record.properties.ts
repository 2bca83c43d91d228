import { p } from '@mikro-orm/core';
import type { MachineSnapshot } from '../../engine/machines/index.ts';
import type { RecordDefinitions } from '../customers/published-definitions.ts';

/**
 * The columns every record that runs on a machine has: its snapshot, the definition version it runs on, who made
 * it and when, the optimistic-lock version and the recycle-bin mark. Entities spread these into their properties.
 */
export const machineRecordProperties = {
  machineSnapshot: p.json<MachineSnapshot>(),
  definitionKey: p.string().length(120),
  definitionVersion: p.integer(),
  createdBy: p.bigint('number').nullable(),
  createdAt: p.datetime(),
  updatedAt: p.datetime(),
  version: p.integer().version(),
  deletedAt: p.datetime().nullable(),
};

/**
 * The values of those columns for a record entering `start` on the given definitions: live, unedited since it was
 * made. Create commands and demo loaders spread these into the new row.
 */
export function newMachineRecordValues(
  definitions: RecordDefinitions,
  start: MachineSnapshot,
  made: { createdBy: number | null; createdAt: Date },
) {
  return {
    stage: start.value,
    machineSnapshot: start,
    definitionKey: definitions.machine.key,
    definitionVersion: definitions.machine.version,
    createdBy: made.createdBy,
    createdAt: made.createdAt,
    updatedAt: made.createdAt,
    deletedAt: null,
  };
}
