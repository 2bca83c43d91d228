import { assign, setup, type AnyStateMachine } from 'xstate';
import type { EffectInvocation, StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { MachineDefinition, MachineState, MachineTransition } from '../../definitions/machine.schema.ts';
import { pointer, type LocalizedText } from '../validation/problem.ts';
import { checkTransition, type CompiledTransition } from './check-transition.ts';
import { compileGuard } from './compile-guard.ts';
import { durationToMs } from './duration-to-ms.ts';
import { transitionsOfState, type LocatedTransition } from './machine-parts.ts';
import { runOf, type EffectActionParams, type RunContext, type RunEvent } from './machine-run.ts';
import { timerEventType } from './timer-event.ts';

export interface CompiledTimer {
  delay: string;
  delayMs: number;
  eventType: string;
  transitions: CompiledTransition[];
}

export interface CompiledStage {
  key: string;
  state: MachineState;
  on: ReadonlyMap<string, CompiledTransition[]>;
  always: CompiledTransition[];
  timers: CompiledTimer[];
}

export interface CompiledMachine {
  definition: MachineDefinition;
  machine: AnyStateMachine;
  stages: ReadonlyMap<string, CompiledStage>;
  /** timer event type → the stage it belongs to and its delay. */
  timers: ReadonlyMap<string, { stage: string; timer: CompiledTimer }>;
}

function stagePermissionsOf(state: MachineState): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(Object.entries(state.permissions ?? {}).map(([role, actions]) => [role, new Set(actions)]));
}

/** `setFlags` changes the snapshot inside XState (an assign); every effect is also traced in execution order. */
function effectActions(effects: readonly EffectInvocation[] | undefined, path: string): object[] {
  return (effects ?? []).flatMap((effect, index) => {
    const params: EffectActionParams = { effect, source: pointer(path, index) };
    const traced = { type: 'stagecraft.effect', params };
    if (effect.type !== 'setFlags') return [traced];
    return [{ type: 'stagecraft.setFlags', params: effect.params.flags }, traced];
  });
}

interface StageCompilation {
  definition: MachineDefinition;
  catalogue: FactCatalogue;
  /** Every compiled transition of the machine; XState's guard names one by its index here. */
  transitions: CompiledTransition[];
  key: string;
  state: MachineState;
  permissions: ReadonlyMap<string, ReadonlySet<string>>;
}

function compileTransition(
  c: StageCompilation,
  located: LocatedTransition,
  event: string,
  fallbackLabel: LocalizedText,
): { compiled: CompiledTransition; config: object } {
  const { path, kind, transition: t } = located;
  const manual = located.event;
  const compiled: CompiledTransition = {
    pointer: path,
    kind,
    event,
    source: c.key,
    sourceLabel: c.state.label,
    target: t.target,
    label: t.label ?? fallbackLabel,
    roles: manual?.roles,
    permission: manual?.permission,
    stagePermissions: c.permissions,
    requiredFields: manual?.requiredFields ?? [],
    whenFlags: t.whenFlags,
    condition: t.guard,
    guard: t.guard === undefined ? undefined : compileGuard(t.guard, c.catalogue),
  };
  const index = c.transitions.push(compiled) - 1;
  const config: Record<string, unknown> = {
    guard: { type: 'stagecraft.transitionAllowed', params: { index } },
    actions: effectActions(t.actions, pointer(path, 'actions')),
  };
  if (t.target !== undefined) config['target'] = t.target;
  if (manual?.reenter === true) config['reenter'] = true;
  return { compiled, config };
}

function stageConfig(state: MachineState, base: string, transitions: object): object {
  const config: Record<string, unknown> = {
    entry: [
      { type: 'stagecraft.enterStage', params: state.flags ?? {} },
      ...effectActions(state.entry, pointer(base, 'entry')),
    ],
    // XState exits a final stage as the machine completes; its flags must outlive that, and it has no exit effects.
    exit:
      state.type === 'final'
        ? []
        : [...effectActions(state.exit, pointer(base, 'exit')), { type: 'stagecraft.leaveStage' }],
    ...transitions,
  };
  if (state.type === 'final') config['type'] = 'final';
  if (state.tags !== undefined) config['tags'] = state.tags;
  return config;
}

function compileStage(c: StageCompilation): { stage: CompiledStage; config: object } {
  const on = new Map<string, CompiledTransition[]>();
  const onConfig: Record<string, object[]> = {};
  const always: CompiledTransition[] = [];
  const alwaysConfig: object[] = [];
  const timersByDelay = new Map<string, CompiledTimer>();
  const afterConfig: Record<string, object[]> = {};
  const labelOfTarget = (t: MachineTransition) => c.definition.states[t.target ?? c.key]?.label ?? c.state.label;
  for (const located of transitionsOfState(c.key, c.state)) {
    const { kind, trigger, transition } = located;
    if (kind === 'event') {
      const eventLabel = c.definition.events[trigger]?.label ?? { en: trigger, 'zh-CN': trigger };
      const { compiled, config } = compileTransition(c, located, trigger, eventLabel);
      on.set(trigger, [...(on.get(trigger) ?? []), compiled]);
      onConfig[trigger] = [...(onConfig[trigger] ?? []), config];
    } else if (kind === 'always') {
      const { compiled, config } = compileTransition(c, located, '', labelOfTarget(transition));
      always.push(compiled);
      alwaysConfig.push(config);
    } else {
      const eventType = timerEventType(c.definition.id, c.key, trigger);
      const { compiled, config } = compileTransition(c, located, eventType, labelOfTarget(transition));
      const timer = timersByDelay.get(trigger) ?? {
        delay: trigger,
        delayMs: durationToMs(trigger) ?? 0,
        eventType,
        transitions: [],
      };
      timer.transitions.push(compiled);
      timersByDelay.set(trigger, timer);
      afterConfig[trigger] = [...(afterConfig[trigger] ?? []), config];
    }
  }
  const transitions = { on: onConfig, always: alwaysConfig, after: afterConfig };
  const config = stageConfig(c.state, pointer('/states', c.key), transitions);
  const stage = { key: c.key, state: c.state, on, always, timers: [...timersByDelay.values()] };
  return { stage, config };
}

/**
 * Entering a stage, its flags start at the values it declares unless the transition into it set them; flags the
 * stage does not declare are dropped. Nothing carries over implicitly, so a stage's flags never depend on the path
 * that led there (a transition that wants "still paused" says so with setFlags).
 */
function flagsOnEntry(setOnTheWay: StageFlags, declared: StageFlags): StageFlags {
  const flags: Record<string, unknown> = {};
  for (const [key, initial] of Object.entries(declared)) {
    const value = (setOnTheWay as Record<string, unknown>)[key];
    flags[key] = value === undefined ? initial : value;
  }
  return flags as StageFlags;
}

function buildMachine(definition: MachineDefinition, catalogue: FactCatalogue): CompiledMachine {
  const transitions: CompiledTransition[] = [];
  const stages = new Map<string, CompiledStage>();
  const statesConfig: Record<string, object> = {};
  const timers = new Map<string, { stage: string; timer: CompiledTimer }>();
  for (const [key, state] of Object.entries(definition.states)) {
    const permissions = stagePermissionsOf(state);
    const { stage, config } = compileStage({ definition, catalogue, transitions, key, state, permissions });
    stages.set(key, stage);
    statesConfig[key] = config;
    for (const timer of stage.timers) timers.set(timer.eventType, { stage: key, timer });
  }
  const delays = Object.fromEntries([...timers.values()].map(({ timer }) => [timer.delay, timer.delayMs]));
  const machine = setup({
    types: { context: {} as RunContext, events: {} as RunEvent, input: {} as RunEvent['input'] },
    guards: {
      'stagecraft.transitionAllowed': ({ context, event }, params: { index: number }) => {
        const run = runOf(event);
        if (run === undefined) return false;
        const t = transitions[params.index] as CompiledTransition;
        const check = checkTransition(t, context.flags, run.context);
        run.considered.push(check);
        if (check.allowed) run.taken.push(t.pointer);
        return check.allowed;
      },
    },
    actions: {
      'stagecraft.enterStage': assign(({ context, event }, declared: StageFlags) => ({
        flags: flagsOnEntry(context.flags, declared),
        enteredAt: runOf(event)?.context.now.toISOString() ?? context.enteredAt,
      })),
      'stagecraft.leaveStage': assign({ flags: {} }),
      'stagecraft.setFlags': assign(({ context }, flags: StageFlags) => ({ flags: { ...context.flags, ...flags } })),
      // Never executed: the engine only collects effects; the runtime executes them from the outbox.
      'stagecraft.effect': (_args, _params: EffectActionParams) => {},
    },
    delays,
  }).createMachine({
    id: definition.id,
    initial: definition.initial,
    context: ({ input }: { input: RunEvent['input'] }) => ({
      flags: {},
      enteredAt: input?.stagecraft.context.now.toISOString() ?? '',
    }),
    states: statesConfig,
  } as never) as unknown as AnyStateMachine;
  return { definition, machine, stages, timers };
}

const compiledMachines = new WeakMap<MachineDefinition, WeakMap<FactCatalogue, CompiledMachine>>();

/**
 * Compiles a validated definition into an XState machine with its guards and checks, once per definition object
 * and catalogue: published definitions are immutable, so the runtime keeps one object per version and every
 * transition after the first costs only two WeakMap look-ups here.
 */
export function compileMachine(definition: MachineDefinition, catalogue: FactCatalogue): CompiledMachine {
  let byCatalogue = compiledMachines.get(definition);
  if (byCatalogue === undefined) {
    byCatalogue = new WeakMap();
    compiledMachines.set(definition, byCatalogue);
  }
  let compiled = byCatalogue.get(catalogue);
  if (compiled === undefined) {
    compiled = buildMachine(definition, catalogue);
    byCatalogue.set(catalogue, compiled);
  }
  return compiled;
}
