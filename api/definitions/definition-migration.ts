import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EntityName } from '../../definitions/entity.schema.ts';
import { migratedSnapshot } from '../../engine/migration/migrated-snapshot.ts';
import { planMigration, type StateMap } from '../../engine/migration/plan-migration.ts';
import { runCommand } from '../commands/run-command.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import type { Logger } from '../observability/logger.ts';
import { syncMachineTimers } from '../timers/sync-machine-timers.ts';
import type { MachineRecordRow, RecordEventAdapter } from '../transitions/record-event-adapter.ts';
import { machineRecordAdapter, stageColumnOf } from './machine-record-adapters.ts';

/** A migration as its row keeps it: what the job moves and how far it got. */
export interface DefinitionMigration {
  id: number;
  kind: string;
  key: string;
  entity: EntityName;
  fromVersions: number[];
  toVersion: number;
  stateMap: StateMap;
  state: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  error: string | null;
  createdBy: number | null;
}

export interface MigrationSettings {
  batchSize?: number;
  now?: () => Date;
}

const defaultBatchSize = 200;

const migrationColumns = `id::int as id, kind, key, entity, from_versions as "fromVersions", to_version as "toVersion",
  state_map as "stateMap", state, total, done, error, created_by::int as "createdBy"`;

export async function findMigration(orm: MikroORM, id: number): Promise<DefinitionMigration | undefined> {
  const [row] = await boundQuery<DefinitionMigration>(orm.em.fork(), `select ${migrationColumns} from definition_migration where id = $1`, [id]);
  return row;
}

type BatchOutcome = { moved: number; finished: boolean } | undefined;

/**
 * Moves the next batch of a migration's records onto the new version, in one transaction: the migration row is
 * locked (skipped when another worker holds it: undefined), the live records still on older versions are loaded and
 * locked in id order by one statement (skipping any a command holds now — a later batch takes them), each gets its
 * planned stage on the new version (written for the whole batch at once), its timers follow the stage, an audit
 * entry per record records the version change, and the progress is counted.
 * Records the batch cannot place (they entered a stage the map does not name after publishing) fail the migration.
 */
export async function migrateNextBatch(
  orm: MikroORM,
  { id, createdBy }: Pick<DefinitionMigration, 'id' | 'createdBy'>,
  settings: MigrationSettings,
): Promise<BatchOutcome> {
  const now = settings.now?.() ?? new Date();
  const limit = settings.batchSize ?? defaultBatchSize;
  // The audit entries name the admin who published the version: the move is theirs, done later.
  return runCommand(orm, { actorId: createdBy, requestId: `definition-migration:${id}`, now }, async (context) => {
    const { em } = context;
    const [migration] = await boundQuery<DefinitionMigration>(
      em,
      `select ${migrationColumns} from definition_migration where id = $1 and state in ('queued', 'running') for update skip locked`,
      [id],
    );
    if (migration === undefined) return undefined;
    const adapter = machineRecordAdapter(migration.entity);
    if (adapter === undefined) throw new Error(`No records of ${migration.entity} run on a machine.`);
    const definitions = await recordDefinitions(em, migration.entity, { key: migration.key, version: migration.toVersion });
    const machine = definitions.machine.document;
    // One statement loads and locks the whole batch (skipping rows a command holds now — a later batch takes them).
    const rows = await lockedBatch(em, adapter, migration, limit);
    const { moves, unmapped } = planMigration(
      rows.map((row) => ({ id: row.id, state: row.stage })),
      migration.stateMap,
      new Set(Object.keys(machine.states)),
    );
    if (unmapped.length > 0) {
      const states = [...new Set(unmapped.map((record) => record.state))].join(', ');
      throw new MigrationStuck(`Records entered stages the state map does not name since publishing: ${states}. Publish again with them mapped.`);
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const writes: RecordWrite[] = [];
    for (const move of moves) {
      const row = byId.get(move.id)!;
      const after = migratedSnapshot(row.machineSnapshot, machine, move.to, now);
      writes.push({
        id: row.id,
        columns: {
          [stageColumnOf(adapter)]: after.value,
          machine_snapshot: after,
          definition_version: migration.toVersion,
          updated_at: now,
          ...adapter.followStage?.(row, machine, after, now),
        },
      });
      const customerId = adapter.customerIdOf(row);
      context.audit({
        entity: adapter.entity,
        recordId: row.id,
        customerId,
        action: 'migrate',
        before: { stage: row.stage, flags: row.machineSnapshot.flags, version: row.version, definition: { key: row.definitionKey, version: row.definitionVersion } },
        after: { stage: after.value, flags: after.flags, version: row.version + 1, definition: { key: migration.key, version: migration.toVersion } },
        why: { kind: 'reason', code: 'definitionMigrated', source: `migration:${migration.id}` },
      });
      await syncMachineTimers(context, { entity: adapter.entity, recordId: row.id, customerId, machine, before: row.machineSnapshot, after });
    }
    await writeRecords(em, adapter.table, writes);
    const [left] = await boundQuery<{ count: number }>(
      em,
      `select count(*)::int as count from ${adapter.table} where definition_key = $1 and definition_version < $2 and deleted_at is null`,
      [migration.key, migration.toVersion],
    );
    const finished = left!.count === 0;
    await boundExecute(
      em,
      `update definition_migration set done = least(total, done + $2), state = $3::varchar, finished_at = case when $3::varchar = 'done' then now() end where id = $1`,
      [migration.id, moves.length, finished ? 'done' : 'running'],
    );
    return { moved: moves.length, finished };
  });
}

/**
 * The live records of the migration's definition still on older versions, the first `limit` by id, locked, as the
 * event adapter's rows (the entity mapped from its table, as the adapters' own loads map theirs).
 */
async function lockedBatch(
  em: EntityManager,
  adapter: RecordEventAdapter<MachineRecordRow>,
  migration: DefinitionMigration,
  limit: number,
): Promise<MachineRecordRow[]> {
  const entity = [...em.getMetadata().getAll().values()].find((meta) => meta.tableName === adapter.table && !meta.virtual && !meta.embeddable);
  if (entity === undefined) throw new Error(`No entity is mapped to the table ${adapter.table}.`);
  const rows = await boundQuery<Record<string, unknown>>(
    em,
    `select * from ${adapter.table} where definition_key = $1 and definition_version < $2 and deleted_at is null
     order by id limit $3 for update skip locked`,
    [migration.key, migration.toVersion, limit],
  );
  return rows.map((row) => em.map(entity.class, row) as MachineRecordRow);
}

/** New column values of one record, by column name. */
interface RecordWrite {
  id: number;
  columns: Record<string, unknown>;
}

/**
 * Writes a batch's records with one statement per set of columns (an entity's stage-following columns may differ
 * from record to record): the values travel as one JSON array, typed by the table's own row type, and every record's
 * version goes up by one. Column names come from the code (adapters), never from input.
 */
async function writeRecords(em: EntityManager, table: string, writes: readonly RecordWrite[]): Promise<void> {
  const byColumns = new Map<string, RecordWrite[]>();
  for (const write of writes) {
    const columns = Object.keys(write.columns).sort().join(',');
    byColumns.set(columns, [...(byColumns.get(columns) ?? []), write]);
  }
  for (const [columns, group] of byColumns) {
    const assignments = columns.split(',').map((column) => `${column} = v.${column}`);
    await boundExecute(
      em,
      `update ${table} as t set ${assignments.join(', ')}, version = t.version + 1
       from jsonb_populate_recordset(null::${table}, $1::jsonb) as v where t.id = v.id`,
      [JSON.stringify(group.map(({ id, columns: values }) => ({ id, ...values })))],
    );
  }
}

/** A migration that cannot go on without an admin's decision: marked failed with this message. */
export class MigrationStuck extends Error {
  override name = 'MigrationStuck';
}

/**
 * Works every unfinished migration until it is done, fails, or makes no progress (its remaining records are all
 * locked by commands right now: the next poll goes on). A failure is kept on the row with its message; records not
 * yet moved stay on their version, which keeps working.
 */
export async function runDefinitionMigrations(orm: MikroORM, settings: MigrationSettings & { logger?: Logger } = {}): Promise<void> {
  const unfinished = await boundQuery<Pick<DefinitionMigration, 'id' | 'createdBy'>>(
    orm.em.fork(),
    `select id::int as id, created_by::int as "createdBy" from definition_migration where state in ('queued', 'running') order by id`,
  );
  for (const migration of unfinished) {
    const { id } = migration;
    try {
      for (;;) {
        const outcome = await migrateNextBatch(orm, migration, settings);
        if (outcome === undefined || outcome.finished || outcome.moved === 0) break;
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      settings.logger?.warn('definition migration failed', { migrationId: id, error });
      await boundExecute(orm.em.fork(), "update definition_migration set state = 'failed', error = $2, finished_at = now() where id = $1", [id, message.slice(0, 2000)]);
    }
  }
}
