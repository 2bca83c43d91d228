import { wrap, type EntityDictionary } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { transition, type MachineSnapshot, type TransitionResult } from '../../engine/machines/index.ts';
import type { FactRow } from '../../engine/conditions/index.ts';
import type { Problem } from '../../engine/validation/problem.ts';
import type { AuditInput, CommandContext, CommandOrigin, OutboxInput } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { effectMessages } from '../outbox/effect-messages.ts';
import { noteOutboxInserted } from '../outbox/outbox-commit-nudge.ts';
import { writeInOneStatement } from './one-write-batches.ts';
import { machineTimerWrites, syncMachineTimers, timersUnchanged } from '../timers/sync-machine-timers.ts';
import { machineActorOf, timeZoneOf, type EventActor } from './event-actor.ts';
import { loadRecordForEvent, type RecordForEvent } from './record-for-event.ts';
import type { MachineRecordRow, RecordEventAdapter } from './record-event-adapter.ts';
import { TransitionRefused } from './transition-refused.problem.ts';

/** An event as a caller sends it; `payload` is kept in the audit entry, the machine decides on the type alone. */
export interface RecordEvent {
  type: string;
  payload?: Record<string, unknown>;
}

/** What a taken event did, and what it set off on linked records in the same transaction. */
export interface FiredEvent {
  entity: string;
  id: number;
  event: string;
  from: string;
  to: string;
  flags: MachineSnapshot['flags'];
  version: number;
  effects: Array<{ type: string; idempotencyKey: string }>;
  followUps: FiredEvent[];
}

/** A change of one record's machine, as a reaction can judge it without the database. */
export interface TransitionChange {
  entity: string;
  before: MachineSnapshot;
  after: MachineSnapshot;
}

/** A transition that was just taken and persisted, as a reaction sees it. */
export interface TransitionTaken extends TransitionChange {
  row: MachineRecordRow;
  /** The record's customer; null for a record that has none (a lead not yet converted). */
  customerId: number | null;
  timeZone: string;
  reactions: readonly TransitionReaction[];
  depth: number;
}

/**
 * What a transition sets off on other records (an opportunity starting to sell moves its customer): the events it
 * fires, as the system, inside the same transaction. See api/opportunities/opportunity-customer-links.ts.
 * `appliesTo` says, without the database, whether a change sets it off at all; a reaction without it is assumed
 * to, and the command then always takes the locked path (see fireRecordEventCommand).
 */
export type TransitionReaction = ((context: CommandContext, taken: TransitionTaken) => Promise<FiredEvent[]>) & {
  appliesTo?: (change: TransitionChange) => boolean;
  idleWhile?: IdleWhile;
};

/**
 * A column of the record's own row that, while it holds `value`, means the reaction has nothing to do (a customer
 * whose `has_live_opportunities` is false has no opportunity to pause). The one-write path reads it from the fact
 * row and makes its update conditional on it, so a linked record added in between sends the event down the locked
 * path instead of being missed. The column must be kept by the database as the linked records change (a trigger).
 */
export interface IdleWhile {
  column: string;
  value: boolean;
}

/** A reaction that acts only on the changes `appliesTo` picks, and says so; `idleWhile`, when it can say it has nothing to do. */
export function reactionOn(
  appliesTo: (change: TransitionChange) => boolean,
  fire: (context: CommandContext, taken: TransitionTaken) => Promise<FiredEvent[]>,
  idleWhile?: IdleWhile,
): TransitionReaction {
  const reaction = async (context: CommandContext, taken: TransitionTaken) => (appliesTo(taken) ? fire(context, taken) : []);
  return Object.assign(reaction, { appliesTo, ...(idleWhile === undefined ? {} : { idleWhile }) });
}

/**
 * The conditions under which the one-write path may skip the reactions a change sets off: one `idleWhile` per
 * reaction that applies, each holding on the fact row read; undefined when some reaction must run (or cannot say).
 */
function idleConditions(reactions: readonly TransitionReaction[], change: TransitionChange, facts: FactRow): IdleWhile[] | undefined {
  const conditions: IdleWhile[] = [];
  for (const reaction of reactions) {
    if (!(reaction.appliesTo?.(change) ?? true)) continue;
    const idle = reaction.idleWhile;
    if (idle === undefined || facts[idle.column] !== idle.value) return undefined;
    conditions.push(idle);
  }
  return conditions;
}

export interface FireOptions {
  /** The version the caller saw (If-Match); a different one is a stale click: 409 `stale-version`. */
  expectedVersion?: number;
  /**
   * Leave the record's version alone: for the runtime's own flag changes that must not make an open form stale
   * (a contact logged marks a customer contacted). The row lock still orders them with every other change.
   */
  keepVersion?: boolean;
  /** What caused the event, for the effects' idempotency keys; default `event:<type>`. */
  cause?: string;
  reactions?: readonly TransitionReaction[];
  depth?: number;
}

export type FireOutcome<Row> = { ok: true; fired: FiredEvent; row: Row } | { ok: false; reason: Problem };

// Reactions may fire reactions; a definition that made two machines ping-pong must not loop forever.
const maxReactionDepth = 3;

type TakenResult = Extract<TransitionResult, { ok: true }>;

/** Everything one taken transition writes on its own record: the columns, the audit entry, the outbox messages. */
interface TransitionWrite {
  /** `set …` assignments of the update, their values bound through `bind`. */
  assignments(bind: BindParams): string;
  /** Whether the update sets nothing but the stage, the snapshot and (unless keepVersion) the version bump. */
  plain: boolean;
  audit: AuditInput;
  messages: OutboxInput[];
  /** The record's version once written. */
  version: number;
}

/** Runs the engine on a loaded record: the event as the actor sends it, on the definition version the record runs on. */
function decide<Row extends MachineRecordRow>(loaded: RecordForEvent<Row>, event: RecordEvent, actor: EventActor, now: Date): TransitionResult {
  return transition(loaded.definitions.machine.document, loaded.row.machineSnapshot, { type: event.type }, {
    actor: machineActorOf(actor),
    facts: loaded.facts,
    now,
    timeZone: timeZoneOf(actor),
    catalogue: loaded.definitions.catalogue,
  });
}

/**
 * What the transition writes on its record: stage, snapshot and the columns that follow the stage; the version and
 * `updatedAt` unless `keepVersion`; the audit entry (the whole trace as the why: each reader gets it trimmed to
 * what they may see) and the effects as outbox messages keyed by the version they produce.
 */
function planWrite<Row extends MachineRecordRow>(
  stamp: { now: Date; actorId: number | null },
  adapter: RecordEventAdapter<Row>,
  loaded: RecordForEvent<Row>,
  result: TakenResult,
  event: RecordEvent,
  options: FireOptions,
): TransitionWrite {
  const { row, definitions } = loaded;
  const machine: MachineDefinition = definitions.machine.document;
  const keepVersion = options.keepVersion === true;
  const version = keepVersion ? row.version : row.version + 1;
  const following = adapter.followStage?.(row, machine, result.snapshot, stamp.now) ?? {};
  const assignments = (bind: BindParams) =>
    [
      `${adapter.stageColumn ?? 'stage'} = ${bind.add(result.snapshot.value)}`,
      `machine_snapshot = ${bind.add(JSON.stringify(result.snapshot))}::jsonb`,
      ...(keepVersion ? [] : [`updated_at = ${bind.add(stamp.now)}`, 'version = version + 1']),
      ...Object.entries(following).map(([column, value]) => `${column} = ${bind.add(value)}`),
    ].join(', ');

  const audit: AuditInput = {
    entity: adapter.entity,
    recordId: row.id,
    customerId: adapter.customerIdOf(row),
    action: 'event',
    before: { stage: row.stage, flags: row.machineSnapshot.flags, version: row.version },
    after: { stage: result.snapshot.value, flags: result.snapshot.flags, version },
    why: {
      kind: 'trace',
      trace: result.trace,
      ...(event.payload === undefined ? {} : { payload: event.payload }),
    },
  };
  const messages = effectMessages(
    { entity: adapter.entity, recordId: row.id, version, cause: options.cause ?? `event:${event.type}`, actorId: stamp.actorId },
    result.effects,
  );
  return { assignments, plain: Object.keys(following).length === 0, audit, messages, version };
}

function firedEvent(entity: string, id: number, event: RecordEvent, before: MachineSnapshot, write: TransitionWrite, after: MachineSnapshot, followUps: FiredEvent[]): FiredEvent {
  return {
    entity,
    id,
    event: event.type,
    from: before.value,
    to: after.value,
    flags: after.flags,
    version: write.version,
    effects: write.messages.map((message) => ({ type: message.topic.replace(/^effect\./, ''), idempotencyKey: message.idempotencyKey })),
    followUps,
  };
}

/**
 * Sends one event to one record inside the command's transaction: locks the record the actor may see, runs the
 * engine on the definition version the record runs on with its fact row, and on success persists the snapshot and
 * stage, writes the audit entry and the effects' outbox messages, then runs the reactions. A refusal is returned,
 * not thrown, so a reaction can ignore an event its target does not take; nothing is written for it.
 */
export async function fireRecordEvent<Row extends MachineRecordRow>(
  context: CommandContext,
  adapter: RecordEventAdapter<Row>,
  id: number,
  event: RecordEvent,
  actor: EventActor,
  options: FireOptions = {},
): Promise<FireOutcome<Row>> {
  const { em } = context;
  const loaded = await loadRecordForEvent(em, adapter, actor, id, context.now, true);
  if (loaded === undefined) throw adapter.notFound(id);
  const { row } = loaded;
  if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) throw recordChangedSinceLoaded(row.version);
  const result = decide(loaded, event, actor, context.now);
  if (!result.ok) return { ok: false, reason: result.reason };

  const before = row.machineSnapshot;
  const write = planWrite(context, adapter, loaded, result, event, options);
  const bind = new BindParams();
  const [updated] = await boundQuery<EntityDictionary<Row>>(
    em,
    `update ${adapter.table} set ${write.assignments(bind)} where id = ${bind.add(row.id)} returning *`,
    bind.values,
  );
  // The returned row, mapped onto the managed entity, leaves it current and clean: the command's flush writes nothing more.
  em.map(wrap(row, true).__meta.class, updated!);
  context.audit(write.audit);
  for (const message of write.messages) context.enqueue(message);
  const { customerId } = write.audit;
  await syncMachineTimers(context, { entity: adapter.entity, recordId: row.id, customerId, machine: loaded.definitions.machine.document, before, after: result.snapshot });

  const depth = options.depth ?? 0;
  const followUps: FiredEvent[] = [];
  if (depth < maxReactionDepth) {
    const taken: TransitionTaken = {
      entity: adapter.entity,
      row,
      customerId,
      before,
      after: result.snapshot,
      timeZone: timeZoneOf(actor),
      reactions: options.reactions ?? [],
      depth,
    };
    for (const reaction of options.reactions ?? []) followUps.push(...(await reaction(context, taken)));
  }
  return { ok: true, row, fired: firedEvent(adapter.entity, row.id, event, before, write, result.snapshot, followUps) };
}

/**
 * The event in one write, without a transaction or a row lock, when it can be: the record and its fact row are read
 * in one statement, the engine decides, and one statement updates the row only if its version is still the one
 * read, writing the audit entry, the outbox messages and the stage's timers in the same statement (so atomically).
 * A reaction that says it is idle on this row (IdleWhile) adds its condition to the update. Undefined when it cannot
 * be done so — a reaction applies (it writes other records), or the record or its idle columns changed in between —
 * and the caller takes the locked path, which decides again on the record as it is then.
 */
async function fireInOneWrite<Row extends MachineRecordRow>(
  orm: MikroORM,
  origin: CommandOrigin,
  adapter: RecordEventAdapter<Row>,
  actor: EventActor,
  id: number,
  event: RecordEvent,
  options: FireOptions,
): Promise<FiredEvent | undefined> {
  const em = orm.em.fork();
  const now = origin.now ?? new Date();
  const loaded = await loadRecordForEvent(em, adapter, actor, id, now, false);
  if (loaded === undefined) throw adapter.notFound(id);
  const { row } = loaded;
  if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) throw recordChangedSinceLoaded(row.version);
  const result = decide(loaded, event, actor, now);
  if (!result.ok) throw new TransitionRefused(result.reason);
  const change: TransitionChange = { entity: adapter.entity, before: row.machineSnapshot, after: result.snapshot };
  const idle = idleConditions(options.reactions ?? [], change, loaded.facts);
  if (idle === undefined) return undefined;

  const stamp = { now, actorId: origin.actorId, requestId: origin.requestId ?? null };
  const write = planWrite(stamp, adapter, loaded, result, event, options);
  const timersChange = { ...change, recordId: row.id, customerId: write.audit.customerId, machine: loaded.definitions.machine.document };
  const shared = { record: `${adapter.table}:${row.id}`, stamp, audits: [write.audit], messages: write.messages };
  // A stage-and-snapshot update with no timers to keep in step can share a set-based update with others of its shape.
  const outcome = await writeInOneStatement(
    orm,
    write.plain && timersUnchanged(row.machineSnapshot, result.snapshot)
      ? {
          ...shared,
          plain: {
            table: adapter.table,
            stageColumn: adapter.stageColumn ?? 'stage',
            id: row.id,
            readVersion: row.version,
            snapshot: result.snapshot,
            ...(options.keepVersion === true ? {} : { updatedAt: now }),
            conditions: idle,
          },
        }
      : {
          ...shared,
          ctes(bind, prefix) {
            const update = `${prefix}updated as (
              update ${adapter.table} set ${write.assignments(bind)} where id = ${bind.add(row.id)} and version = ${bind.add(row.version)}
              ${idle.map(({ column, value }) => `and ${column} = ${bind.add(value)}`).join(' ')} returning id
            )`;
            const timers = machineTimerWrites(bind, timersChange, now, `exists (select 1 from ${prefix}updated)`, prefix);
            return timers === undefined ? update : `${update}, ${timers}`;
          },
        },
  );
  if (!outcome.written) return undefined;
  noteOutboxInserted(em, outcome.outboxIds);
  return firedEvent(adapter.entity, row.id, event, row.machineSnapshot, write, result.snapshot, []);
}

/**
 * `POST /api/<entity>/:id/events` for any entity with a machine. An event that touches only its own record is
 * written in one statement (fireInOneWrite); one that sets off reactions, or lost a race for the record, runs in one
 * transaction with the record locked: the record, its audit entry, its outbox messages and whatever its reactions
 * fire commit together. A refusal writes nothing and answers with the engine's reason (403 for who you are, 409 for
 * the record's state).
 */
export async function fireRecordEventCommand<Row extends MachineRecordRow>(
  orm: MikroORM,
  origin: CommandOrigin,
  adapter: RecordEventAdapter<Row>,
  actor: EventActor,
  id: number,
  event: RecordEvent,
  options: FireOptions = {},
): Promise<FiredEvent> {
  const fired = await fireInOneWrite(orm, origin, adapter, actor, id, event, options);
  if (fired !== undefined) return fired;
  return runCommand(orm, origin, async (context) => {
    const outcome = await fireRecordEvent(context, adapter, id, event, actor, options);
    if (!outcome.ok) throw new TransitionRefused(outcome.reason);
    return outcome.fired;
  });
}
