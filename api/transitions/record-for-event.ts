import type { EntityManager } from '@mikro-orm/postgresql';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { FactRow } from '../../engine/conditions/index.ts';
import { recordDefinitions, type RecordDefinitions } from '../customers/published-definitions.ts';
import { timeZoneOf, type EventActor } from './event-actor.ts';
import type { MachineRecordRow, RecordEventAdapter } from './record-event-adapter.ts';

/** A record as an event needs it: the row, its fact row, and the definitions it runs on. */
export interface RecordForEvent<Row extends MachineRecordRow> {
  row: Row;
  facts: FactRow;
  definitions: RecordDefinitions;
}

// The catalogue the last event of each entity was decided with, per database (ORM configuration). Records mostly
// run on the same definitions, so reading a record with that catalogue's aggregates gives its fact row in the same
// statement; when the record's own definitions bring another catalogue, its fact row is read again with that one.
const lastCatalogues = new WeakMap<object, Map<string, FactCatalogue>>();

/**
 * The record the actor may see (undefined: it does not exist for them), with its fact row evaluated at `now` in the
 * actor's time zone and its definitions; `lock` keeps it locked until the transaction ends. One statement when the
 * adapter can read row and facts together and the catalogue is the one last used, otherwise two.
 */
export async function loadRecordForEvent<Row extends MachineRecordRow>(
  em: EntityManager,
  adapter: RecordEventAdapter<Row>,
  actor: EventActor,
  id: number,
  now: Date,
  lock: boolean,
): Promise<RecordForEvent<Row> | undefined> {
  const evaluation = { now, timeZone: timeZoneOf(actor) };
  let catalogues = lastCatalogues.get(em.config);
  if (catalogues === undefined) {
    catalogues = new Map();
    lastCatalogues.set(em.config, catalogues);
  }
  const guess = catalogues.get(adapter.entity);
  let row: Row | undefined;
  let facts: FactRow | undefined;
  if (guess !== undefined && adapter.loadVisibleWithFacts !== undefined) {
    const found = await adapter.loadVisibleWithFacts(em, actor, id, guess, evaluation, lock);
    row = found?.row;
    facts = found?.facts;
  } else {
    row = await adapter.loadVisible(em, actor, id, lock);
  }
  if (row === undefined) return undefined;

  const definitions = await recordDefinitions(em, adapter.entity, { key: row.definitionKey, version: row.definitionVersion });
  catalogues.set(adapter.entity, definitions.catalogue);
  if (facts === undefined || guess !== definitions.catalogue) facts = await adapter.loadFactRow(em, definitions.catalogue, row, evaluation);
  return facts === undefined ? undefined : { row, facts, definitions };
}
