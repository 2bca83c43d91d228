import type { MikroORM } from '@mikro-orm/postgresql';
import { transition, type MachineSnapshot } from '../../engine/machines/index.ts';
import type { Problem } from '../../engine/validation/problem.ts';
import type { CommandContext, CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { boundQuery } from '../database/bound-query.ts';
import { effectMessages } from '../outbox/effect-messages.ts';
import { auditTrace } from './audit-trace.ts';
import { machineActorOf, timeZoneOf, type EventActor } from './event-actor.ts';
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

/** A transition that was just taken and persisted, as a reaction sees it. */
export interface TransitionTaken {
  entity: string;
  row: MachineRecordRow;
  customerId: number;
  before: MachineSnapshot;
  after: MachineSnapshot;
  timeZone: string;
  reactions: readonly TransitionReaction[];
  depth: number;
}

/**
 * What a transition sets off on other records (an opportunity starting to sell moves its customer): the events it
 * fires, as the system, inside the same transaction. See api/opportunities/opportunity-customer-links.ts.
 */
export type TransitionReaction = (context: CommandContext, taken: TransitionTaken) => Promise<FiredEvent[]>;

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

/**
 * Sends one event to one record inside the command's transaction: locks the record the actor may see, runs the
 * engine on the definition version the record runs on with its fact row, and on success persists the snapshot and
 * stage, writes the audit entry (the trace as the why, trimmed to what the actor may see) and turns the effects
 * into outbox messages, then runs the reactions. A refusal is returned, not thrown, so a reaction can ignore an
 * event its target does not take; nothing is written for it.
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
  const row = await adapter.loadVisible(em, actor, id, true);
  if (row === undefined) throw adapter.notFound(id);
  if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) throw recordChangedSinceLoaded(row.version);

  const definitions = await recordDefinitions(em, adapter.entity, { key: row.definitionKey, version: row.definitionVersion });
  const machine = definitions.machine.document;
  const timeZone = timeZoneOf(actor);
  const facts = await adapter.loadFactRow(em, definitions.catalogue, row, { now: context.now, timeZone });
  if (facts === undefined) throw adapter.notFound(id);
  const result = transition(machine, row.machineSnapshot, { type: event.type }, {
    actor: machineActorOf(actor),
    facts,
    now: context.now,
    timeZone,
    catalogue: definitions.catalogue,
  });
  if (!result.ok) return { ok: false, reason: result.reason };

  const before = row.machineSnapshot;
  const beforeDocument = { stage: row.stage, flags: before.flags, version: row.version };
  if (options.keepVersion === true) {
    await boundQuery(em, `update ${adapter.table} set ${adapter.stageColumn ?? 'stage'} = $1, machine_snapshot = $2::jsonb where id = $3`, [
      result.snapshot.value,
      JSON.stringify(result.snapshot),
      row.id,
    ]);
    await em.refresh(row);
  } else {
    row.stage = result.snapshot.value;
    row.machineSnapshot = result.snapshot;
    row.updatedAt = context.now;
    adapter.followStage?.(row, machine, result.snapshot);
    await em.flush();
  }

  const customerId = adapter.customerIdOf(row);
  const access = actor.kind === 'person' ? await adapter.fieldAccess?.(actor.caller, em) : undefined;
  context.audit({
    entity: adapter.entity,
    recordId: row.id,
    customerId,
    action: 'event',
    before: beforeDocument,
    after: { stage: row.stage, flags: result.snapshot.flags, version: row.version },
    why: {
      kind: 'trace',
      trace: auditTrace(result.trace, definitions.catalogue, access),
      ...(event.payload === undefined ? {} : { payload: event.payload }),
    },
  });
  const messages = effectMessages(
    { entity: adapter.entity, recordId: row.id, version: row.version, cause: options.cause ?? `event:${event.type}`, actorId: context.actorId },
    result.effects,
  );
  for (const message of messages) context.enqueue(message);

  const depth = options.depth ?? 0;
  const followUps: FiredEvent[] = [];
  if (depth < maxReactionDepth) {
    const taken: TransitionTaken = {
      entity: adapter.entity,
      row,
      customerId,
      before,
      after: result.snapshot,
      timeZone,
      reactions: options.reactions ?? [],
      depth,
    };
    for (const reaction of options.reactions ?? []) followUps.push(...(await reaction(context, taken)));
  }
  return {
    ok: true,
    row,
    fired: {
      entity: adapter.entity,
      id: row.id,
      event: event.type,
      from: before.value,
      to: result.snapshot.value,
      flags: result.snapshot.flags,
      version: row.version,
      effects: messages.map((message) => ({ type: message.topic.replace(/^effect\./, ''), idempotencyKey: message.idempotencyKey })),
      followUps,
    },
  };
}

/**
 * `POST /api/<entity>/:id/events` for any entity with a machine: one transaction for the record, its audit entry,
 * its outbox messages and whatever its reactions fire. A refusal rolls everything back and answers with the
 * engine's reason (403 for who you are, 409 for the record's state).
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
  return runCommand(orm, origin, async (context) => {
    const outcome = await fireRecordEvent(context, adapter, id, event, actor, options);
    if (!outcome.ok) throw new TransitionRefused(outcome.reason);
    return outcome.fired;
  });
}
