import { p } from '@mikro-orm/core';
import type { MachineSnapshot } from '../../engine/machines/index.ts';

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
