import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { pointer, type Problem } from '../validation/problem.ts';
import { compileMachine, type CompiledMachine, type CompiledStage } from './compile-machine.ts';
import { inertTransition } from './inert-transition.ts';
import { runKey, type EffectActionParams, type MachineRun, type RunContext } from './machine-run.ts';
import type { MachineEvent, MachineSnapshot, TransitionContext } from './machine-snapshot.ts';
import {
  eventNotAccepted,
  guardFailed,
  machineDone,
  snapshotMismatch,
  timerNotDue,
  unknownState,
} from './refusal-reasons.ts';
import type { CompiledTransition } from './check-transition.ts';
import type { TracedEffect, TransitionTrace } from './transition-trace.ts';

export type TransitionResult =
  | { ok: true; snapshot: MachineSnapshot; effects: EffectInvocation[]; trace: TransitionTrace }
  | { ok: false; reason: Problem; trace: TransitionTrace };

export interface InitialResult {
  snapshot: MachineSnapshot;
  effects: EffectInvocation[];
  trace: TransitionTrace;
}

function toMachineSnapshot(definition: MachineDefinition, x: AnyMachineSnapshot): MachineSnapshot {
  const context = x.context as RunContext;
  return {
    machine: definition.id,
    version: definition.version,
    value: String(x.value),
    flags: context.flags,
    enteredAt: context.enteredAt,
    status: x.status === 'done' ? 'done' : 'active',
  };
}

/** The machine's own `setFlags` stays in the trace but is not handed to the runtime: the snapshot already holds it. */
function effectsOf(actions: ReadonlyArray<{ type: string; params?: unknown }>): {
  traced: TracedEffect[];
  emitted: EffectInvocation[];
} {
  const traced: TracedEffect[] = [];
  const emitted: EffectInvocation[] = [];
  for (const action of actions) {
    if (action.type !== 'stagecraft.effect') continue;
    const { effect, source } = action.params as EffectActionParams;
    traced.push({ source, effect });
    if (effect.type !== 'setFlags') emitted.push(effect);
  }
  return { traced, emitted };
}

function traceOf(
  definition: MachineDefinition,
  snapshot: MachineSnapshot,
  event: string,
  run: MachineRun,
): TransitionTrace {
  return {
    machine: definition.id,
    version: definition.version,
    event,
    from: snapshot.value,
    to: snapshot.value,
    flagsBefore: snapshot.flags,
    flagsAfter: snapshot.flags,
    considered: run.considered,
    taken: run.taken,
    effects: [],
  };
}

function snapshotRefusal(definition: MachineDefinition, snapshot: MachineSnapshot): Problem | undefined {
  if (snapshot.machine !== definition.id || snapshot.version !== definition.version) {
    return snapshotMismatch(`${definition.id}@${definition.version}`, `${snapshot.machine}@${snapshot.version}`);
  }
  if (!Object.hasOwn(definition.states, snapshot.value)) return unknownState(snapshot.value);
  return undefined;
}

/** The transitions the event may take in the stage, or why the event is refused before any of them is checked. */
function candidatesOf(
  compiled: CompiledMachine,
  stage: CompiledStage,
  snapshot: MachineSnapshot,
  event: MachineEvent,
  now: Date,
): CompiledTransition[] | Problem {
  const stagePath = pointer('/states', stage.key);
  if (snapshot.status === 'done') return machineDone(stagePath, stage.state.label);
  const onEvent = stage.on.get(event.type);
  if (onEvent !== undefined) return onEvent;
  const timer = compiled.timers.get(event.type);
  if (timer === undefined || timer.stage !== stage.key) {
    return eventNotAccepted(pointer(stagePath, 'on'), event.type, stage.state.label);
  }
  // A timer fired early (a clock skew, a stage re-entered since it was scheduled) must not cut the wait short.
  const dueAt = Date.parse(snapshot.enteredAt) + timer.timer.delayMs;
  if (now.getTime() < dueAt) {
    return timerNotDue(pointer(stagePath, 'after', timer.timer.delay), new Date(dueAt).toISOString());
  }
  return timer.timer.transitions;
}

/**
 * Takes one event: `(definition, snapshot, event, context) → (snapshot, effects, trace)`, or a refusal with the
 * reason and the same trace. Pure: effects are returned as data, time comes from `context.now`. The definition must
 * have passed `validateMachine`; it is compiled once per object (see compileMachine).
 */
export function transition(
  definition: MachineDefinition,
  snapshot: MachineSnapshot,
  event: MachineEvent,
  context: TransitionContext,
): TransitionResult {
  const run: MachineRun = { context, considered: [], taken: [] };
  const trace = traceOf(definition, snapshot, event.type, run);
  const mismatch = snapshotRefusal(definition, snapshot);
  if (mismatch !== undefined) return { ok: false, reason: mismatch, trace };

  const compiled = compileMachine(definition, context.catalogue);
  const stage = compiled.stages.get(snapshot.value) as CompiledStage;
  const candidates = candidatesOf(compiled, stage, snapshot, event, context.now);
  if (!Array.isArray(candidates)) return { ok: false, reason: candidates, trace };

  const current = compiled.machine.resolveState({
    value: snapshot.value,
    context: { flags: snapshot.flags, enteredAt: snapshot.enteredAt } satisfies RunContext,
  });
  const runEvent = { type: event.type, [runKey]: run };
  const [next, actions] = inertTransition(compiled.machine, current, runEvent);
  const first = run.taken[0];
  if (first === undefined || !candidates.some((t) => t.pointer === first)) {
    const refusal = run.considered.find((check) => check.refusal !== undefined)?.refusal;
    const fallback = candidates[0] as CompiledTransition;
    // An `always` XState took after the refused event is discarded with it: nothing was taken.
    trace.taken = [];
    return { ok: false, reason: refusal ?? guardFailed(fallback.pointer, fallback.label), trace };
  }
  const nextSnapshot = toMachineSnapshot(definition, next);
  const { traced, emitted } = effectsOf(actions);
  trace.to = nextSnapshot.value;
  trace.flagsAfter = nextSnapshot.flags;
  trace.effects = traced;
  return { ok: true, snapshot: nextSnapshot, effects: emitted, trace };
}

/**
 * Starts whose run asked no guard, by compiled machine. Such a start reads nothing of its context but the time, and
 * the time only stamps `enteredAt`: later starts copy it instead of running XState again (which, on lead intake, was
 * the largest allocation of a request). A start that asked a guard (an `always` transition out of the initial stage)
 * may depend on the facts, the actor and the time, and is run every time.
 */
const startsAskingNothing = new WeakMap<CompiledMachine, InitialResult>();

/** The snapshot a new record starts with: the initial stage entered at `context.now`, with its entry effects. */
export function initialSnapshot(definition: MachineDefinition, context: TransitionContext): InitialResult {
  const compiled = compileMachine(definition, context.catalogue);
  const known = startsAskingNothing.get(compiled);
  if (known !== undefined) return startedAt(known, context.now);
  const run: MachineRun = { context, considered: [], taken: [] };
  const [first, actions] = initialTransition(compiled.machine, { [runKey]: run });
  const snapshot = toMachineSnapshot(definition, first);
  const { traced, emitted } = effectsOf(actions);
  const trace: TransitionTrace = {
    ...traceOf(definition, { ...snapshot, value: definition.initial, flags: {} }, 'xstate.init', run),
    to: snapshot.value,
    flagsAfter: snapshot.flags,
    effects: traced,
  };
  const result = { snapshot, effects: emitted, trace };
  if (run.considered.length === 0) startsAskingNothing.set(compiled, structuredClone(result));
  return result;
}

/** A copy of a start that asked nothing, entered at `now`: callers own what they are given. */
function startedAt(start: InitialResult, now: Date): InitialResult {
  const copy = structuredClone(start);
  copy.snapshot.enteredAt = now.toISOString();
  return copy;
}
