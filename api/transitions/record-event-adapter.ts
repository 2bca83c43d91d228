import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '../../definitions/entity.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { EvaluationContext, FactRow } from '../../engine/conditions/index.ts';
import type { MachineSnapshot } from '../../engine/machines/index.ts';
import type { HttpProblem } from '../http/http-problem.ts';
import type { EventActor } from './event-actor.ts';

/** The columns every record with a machine has: what the generic event command reads and writes. */
export interface MachineRecordRow {
  id: number;
  stage: string;
  machineSnapshot: MachineSnapshot;
  definitionKey: string;
  definitionVersion: number;
  version: number;
  updatedAt: Date;
}

/**
 * How the generic event command (fire-record-event.command.ts) reaches one entity: which rows the actor may see
 * (locked for the transaction), how the machine's guards see a row, and what else a new stage changes on it.
 * Customers and opportunities have one each; orders and tickets add theirs.
 */
export interface RecordEventAdapter<Row extends MachineRecordRow = MachineRecordRow> {
  entity: EntityName;
  /** Its table, for the one write that must not bump the version (see FireOptions.keepVersion). */
  table: string;
  /** The column the stage is kept in, when not `stage` (orders and tickets keep it in `status`, as their catalogues say). */
  stageColumn?: string;
  /** The row the actor may see (with `lock`, locked until the transaction ends); undefined: it does not exist for them. */
  loadVisible(em: EntityManager, actor: EventActor, id: number, lock: boolean): Promise<Row | undefined>;
  loadFactRow(em: EntityManager, catalogue: FactCatalogue, row: Row, context: EvaluationContext): Promise<FactRow | undefined>;
  /**
   * The row the actor may see and its fact row with `catalogue`'s aggregates, in one statement (a fact row carries
   * the record's columns). Unlocked (the one-write path, which flushes nothing) the row may be a detached one
   * (api/database/detached-row.ts). Absent: loadVisible, then loadFactRow.
   */
  loadVisibleWithFacts?(
    em: EntityManager,
    actor: EventActor,
    id: number,
    catalogue: FactCatalogue,
    context: EvaluationContext,
    lock: boolean,
  ): Promise<{ row: Row; facts: FactRow } | undefined>;
  /**
   * Columns that follow the stage besides the stage and the snapshot, by column name (an opportunity's probability
   * and status), written with them; `now` is the command's clock.
   */
  followStage?(row: Row, machine: MachineDefinition, snapshot: MachineSnapshot, now: Date): Record<string, unknown>;
  /** The customer whose audit trail shows the record's entries. */
  customerIdOf(row: Row): number | null;
  notFound(id: unknown): HttpProblem;
}
