import type { EffectInvocation, StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import type { MachineDefinition, StagePermission } from '../../definitions/machine.schema.ts';
import { initialSnapshot, type MachineSnapshot, type TransitionContext, type TransitionTrace } from '../../engine/machines/index.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import { stageForbids } from './customer-problems.ts';

/** A stage's label, or its key for a stage the definition does not have (a record left on a removed stage). */
export const stageLabelOf = (machine: MachineDefinition, stage: string): LocalizedText => machine.states[stage]?.label ?? { en: stage, 'zh-CN': stage };

/** Refuses (403, naming the stage and the role) unless the role has `permission` in the record's stage. */
export function requireStagePermission(
  machine: MachineDefinition,
  stage: string,
  role: { key: string; labels: LocalizedText },
  permission: StagePermission,
  doing: LocalizedText,
): void {
  if (!holdsStagePermission(machine, stage, role.key, permission)) throw stageForbids(doing, stageLabelOf(machine, stage), role.labels);
}

/** Whether holders of `roleKey` have `permission` in `stage` (the definition's per-stage permission table). */
export function holdsStagePermission(machine: MachineDefinition, stage: string, roleKey: string, permission: StagePermission): boolean {
  return machine.states[stage]?.permissions?.[roleKey]?.includes(permission) === true;
}

/** The fields a stage lets anyone change, or undefined when the stage does not restrict them. */
export function editableFieldsOf(machine: MachineDefinition, stage: string): readonly string[] | undefined {
  return machine.states[stage]?.editableFields;
}

export interface StartingPoint {
  snapshot: MachineSnapshot;
  effects: EffectInvocation[];
  trace: TransitionTrace;
}

/**
 * Where a new record starts: the machine's initial stage through the engine (with its entry effects), or a later
 * stage an import or a manager chose — entered directly with the flags and entry effects that stage declares, and a
 * trace that says so.
 */
export function startingPoint(machine: MachineDefinition, stage: string, context: TransitionContext): StartingPoint {
  if (stage === machine.initial) return initialSnapshot(machine, context);
  const state = machine.states[stage];
  if (state === undefined) throw new Error(`The ${machine.id} machine has no stage "${stage}".`);
  let flags: StageFlags = { ...state.flags };
  const effects: EffectInvocation[] = [];
  const traced = (state.entry ?? []).map((effect, index) => {
    if (effect.type === 'setFlags') flags = { ...flags, ...effect.params.flags };
    else effects.push(effect);
    return { source: `/states/${stage}/entry/${index}`, effect };
  });
  const snapshot: MachineSnapshot = {
    machine: machine.id,
    version: machine.version,
    value: stage,
    flags,
    enteredAt: context.now.toISOString(),
    status: state.type === 'final' ? 'done' : 'active',
  };
  const trace: TransitionTrace = {
    machine: machine.id,
    version: machine.version,
    event: 'stagecraft.startInStage',
    from: stage,
    to: stage,
    flagsBefore: {},
    flagsAfter: flags,
    considered: [],
    taken: [],
    effects: traced,
  };
  return { snapshot, effects, trace };
}
