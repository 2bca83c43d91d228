import type { MikroORM } from '@mikro-orm/postgresql';
import type { MachineSnapshot } from '../../engine/machines/index.ts';
import { auditAndOutboxInserts, type CommandStamp } from '../commands/audit-and-outbox-rows.ts';
import type { AuditInput, OutboxInput } from '../commands/command-context.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { naturalBatches, type BatchOutcome } from '../database/natural-batches.ts';

/**
 * An update that sets only a record's stage and snapshot (and, with `updatedAt`, bumps its version), if the record
 * still has the version read and the `conditions` (IdleWhile columns) hold. Parts of one shape — same table, same
 * bump, same condition columns — are written by one set-based update, whatever their number.
 */
export interface PlainUpdate {
  table: string;
  stageColumn: string;
  id: number;
  readVersion: number;
  snapshot: MachineSnapshot;
  updatedAt?: Date;
  conditions: ReadonlyArray<{ column: string; value: boolean }>;
}

/**
 * One command's write on the one-write event path (fire-record-event.command.ts): its conditional update — a plain
 * one, or common table expressions of its own, ready to follow `with`, whose names all start with `prefix`, where
 * `${prefix}updated` returns the record's id when the update took, followed by its own further writes (its timers) —
 * and the audit entries and outbox messages the statement's shared inserts write for it only if its update took.
 */
export type OneWritePart = {
  /** The record it updates (`customer:12`): two parts for one record never share a statement. */
  record: string;
  stamp: CommandStamp;
  audits: readonly AuditInput[];
  messages: readonly OutboxInput[];
} & ({ plain: PlainUpdate } | { ctes(bind: BindParams, prefix: string): string });

/** The plain parts' set-based updates (`p0_updated`, …, each returning the `part` it wrote), one per shape. */
function plainUpdates(bind: BindParams, parts: readonly OneWritePart[]): { ctes: string[]; taken: string[] } {
  const shapes = Map.groupBy(
    parts.flatMap((part, index) => ('plain' in part ? [{ update: part.plain, index }] : [])),
    ({ update }) => [update.table, update.stageColumn, update.updatedAt !== undefined, ...update.conditions.map((c) => c.column)].join('|'),
  );
  const ctes: string[] = [];
  const taken: string[] = [];
  for (const group of shapes.values()) {
    const { table, stageColumn, updatedAt, conditions } = group[0]!.update;
    const rows = group.map(({ update, index }) => ({
      part: index,
      id: update.id,
      read_version: update.readVersion,
      stage: update.snapshot.value,
      snapshot: update.snapshot,
      updated_at: update.updatedAt?.toISOString() ?? null,
      ...Object.fromEntries(update.conditions.map((condition, n) => [`c${n}`, condition.value])),
    }));
    const name = `p${ctes.length}_updated`;
    // Table and column names come from the adapters and reactions (code), never from a request.
    ctes.push(`${name} as (
      update ${table} t set ${stageColumn} = i.stage, machine_snapshot = i.snapshot
        ${updatedAt === undefined ? '' : ', updated_at = i.updated_at, version = t.version + 1'}
      from jsonb_to_recordset(${bind.add(JSON.stringify(rows))}::jsonb)
        as i(part int, id bigint, read_version int, stage varchar, snapshot jsonb, updated_at timestamptz
             ${conditions.map((_, n) => `, c${n} boolean`).join('')})
      where t.id = i.id and t.version = i.read_version ${conditions.map((condition, n) => `and t.${condition.column} = i.c${n}`).join(' ')}
      returning i.part
    )`);
    taken.push(`select part from ${name}`);
  }
  return { ctes, taken };
}

export interface OneWriteOutcome {
  /** Whether the conditional update took (the record still had the version and idle flags read). */
  written: boolean;
  outboxIds: number[];
}

// Enough to share a round trip and a WAL flush among the requests a busy process has in flight, small enough that
// one statement stays quick to plan. One statement runs at a time: measured with 16 clients, two at a time halved
// the batches (2.3 requests each instead of 4.2) and cost more per request than the overlap gained.
const maxParts = 32;

/**
 * The parts as one statement: each part's expressions one after another, the parts whose update took, and one audit
 * insert and one outbox insert for all of them (so the statement's planning grows by an update per part, not by
 * three statements). Data-modifying expressions of one statement see the same snapshot and each part touches its own
 * record, so they cannot see or undo each other; the statement commits all of them or none.
 */
async function runStatement(orm: MikroORM, parts: readonly OneWritePart[]): Promise<OneWriteOutcome[]> {
  const bind = new BindParams();
  const plain = plainUpdates(bind, parts);
  const own = parts.flatMap((part, index) => ('ctes' in part ? [{ ctes: part.ctes(bind, `w${index}_`), taken: `select ${index} as part from w${index}_updated` }] : []));
  const ctes = [...plain.ctes, ...own.map((part) => part.ctes)];
  const taken = [...plain.taken, ...own.map((part) => part.taken)].join(' union all ');
  const inserts = auditAndOutboxInserts(
    bind,
    parts.map((part, index) => ({ part: index, stamp: part.stamp, audits: part.audits, messages: part.messages })),
    'select part from taken',
  );
  const [row] = await boundQuery<{ taken: number[]; outbox: Array<{ id: number; key: string }> }>(
    orm.em.fork(),
    `with ${ctes.join(', ')}, taken as (${taken}), ${inserts}
     select (select coalesce(json_agg(part), '[]') from taken) as taken,
            (select coalesce(json_agg(json_build_object('id', id, 'key', idempotency_key)), '[]') from outbox_rows) as outbox`,
    bind.values,
  );
  const outboxIds = new Map(row!.outbox.map(({ id, key }) => [key, Number(id)]));
  const took = new Set(row!.taken);
  return parts.map((part, index) =>
    took.has(index)
      ? { written: true, outboxIds: part.messages.map((message) => outboxIds.get(message.idempotencyKey)!).filter((id) => id !== undefined) }
      : { written: false, outboxIds: [] },
  );
}

/** The parts in rounds in which no record appears twice (PostgreSQL updates a row at most once per statement). */
function rounds(parts: readonly OneWritePart[]): number[][] {
  const result: Array<{ records: Set<string>; indexes: number[] }> = [];
  parts.forEach((part, index) => {
    let round = result.find((candidate) => !candidate.records.has(part.record));
    if (round === undefined) {
      round = { records: new Set(), indexes: [] };
      result.push(round);
    }
    round.records.add(part.record);
    round.indexes.push(index);
  });
  return result.map((round) => round.indexes);
}

/**
 * A batch's parts, round after round. A statement that fails is retried part by part, so one part that cannot be
 * written (an idempotency key already taken) fails its own request only.
 */
async function runBatch(orm: MikroORM, parts: readonly OneWritePart[]): Promise<BatchOutcome<OneWriteOutcome>[]> {
  const outcomes: BatchOutcome<OneWriteOutcome>[] = [];
  for (const indexes of rounds(parts)) {
    const round = indexes.map((index) => parts[index]!);
    try {
      const written = await runStatement(orm, round);
      indexes.forEach((index, position) => (outcomes[index] = { ok: true, value: written[position]! }));
    } catch (error) {
      if (round.length === 1) {
        outcomes[indexes[0]!] = { ok: false, error };
        continue;
      }
      for (const index of indexes) {
        try {
          outcomes[index] = { ok: true, value: (await runStatement(orm, [parts[index]!]))[0]! };
        } catch (alone) {
          outcomes[index] = { ok: false, error: alone };
        }
      }
    }
  }
  return outcomes;
}

const batchers = new WeakMap<MikroORM, (part: OneWritePart) => Promise<OneWriteOutcome>>();

/**
 * Writes a part in a statement of its own when the process is quiet, or together with the parts other requests
 * wrote meanwhile when it is busy (natural batching): the requests share the round trip, the statement's planning
 * and the commit's WAL flush, and each still commits its update, audit entry, outbox rows and timers atomically.
 */
export function writeInOneStatement(orm: MikroORM, part: OneWritePart): Promise<OneWriteOutcome> {
  let batcher = batchers.get(orm);
  if (batcher === undefined) {
    batcher = naturalBatches((parts: readonly OneWritePart[]) => runBatch(orm, parts), { maxItems: maxParts });
    batchers.set(orm, batcher);
  }
  return batcher(part);
}
