import type { EntityManager } from '@mikro-orm/postgresql';
import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type { EntityName } from '../../definitions/entity.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { transition, type TransitionTrace } from '../../engine/machines/index.ts';
import { migratedSnapshot } from '../../engine/migration/migrated-snapshot.ts';
import { migratedState, type StateMap } from '../../engine/migration/plan-migration.ts';
import { problem, type LocalizedText } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { validationFailed } from '../http/http-problem.ts';
import { machineActorOf, personActor } from '../transitions/event-actor.ts';
import { draftMachineCatalogue } from './definition-impact.query.ts';
import { machineRecordAdapter, stageColumnOf } from './machine-record-adapters.ts';

export interface SimulationStep {
  event: string;
  accepted: boolean;
  from: string;
  to: string;
  refusal?: { path: string; code: string; message: LocalizedText };
  trace: TransitionTrace;
  effects: EffectInvocation[];
}

/**
 * Fires `events` one after another at a real record, against the draft machine: the record as the caller may see
 * it, its fact row read as firing an event reads it (the entity's published catalogue with the draft's stages), the
 * engine's pure `transition` for each step — guards' results and the effects that would be emitted — and nothing
 * written anywhere. The record enters the draft in its stage (or where `stateMap` places it); a taken step moves the
 * simulated record on, so the next guard sees its new stage.
 */
export async function simulateMachine(
  em: EntityManager,
  caller: SignedIn,
  draft: MachineDefinition,
  request: { recordId: number; events: ReadonlyArray<{ type: string }>; stateMap?: StateMap },
): Promise<{ steps: SimulationStep[] }> {
  const adapter = machineRecordAdapter(draft.entity as EntityName);
  if (adapter === undefined) throw validationFailed([problem('/document/entity', 'simulation.noRecords', 'Records of this entity have no machine.', '该类记录没有状态机。')]);
  const actor = personActor(caller);
  const row = await adapter.loadVisible(em, actor, request.recordId, false);
  if (row === undefined) throw adapter.notFound(request.recordId);
  const now = new Date();
  const timeZone = caller.user.timeZone;
  const catalogue = await draftMachineCatalogue(em, draft);
  let facts = await adapter.loadFactRow(em, catalogue, row, { now, timeZone });
  if (facts === undefined) throw adapter.notFound(request.recordId);
  const start = migratedState(row.stage, request.stateMap ?? {}, new Set(Object.keys(draft.states)));
  if (start === undefined) {
    throw validationFailed([
      problem(
        `/stateMap/${row.stage}`,
        'migration.stateUnmapped',
        `The record is in the stage "${row.stage}", which the draft does not have: say where it starts.`,
        `该记录所处的阶段“${row.stage}”在草稿中不存在：请指定它的起始阶段。`,
      ),
    ]);
  }
  let snapshot = migratedSnapshot(row.machineSnapshot, draft, start, now);
  const steps: SimulationStep[] = [];
  for (const event of request.events) {
    const result = transition(draft, snapshot, { type: event.type }, { actor: machineActorOf(actor), facts, now, timeZone, catalogue });
    const from = snapshot.value;
    if (result.ok) {
      snapshot = result.snapshot;
      facts = { ...facts, [stageColumnOf(adapter)]: snapshot.value };
    }
    steps.push({
      event: event.type,
      accepted: result.ok,
      from,
      to: snapshot.value,
      ...(result.ok ? {} : { refusal: result.reason }),
      trace: result.trace,
      effects: result.ok ? result.effects : [],
    });
  }
  return { steps };
}
