import type { EffectInvocation, StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import type { TransitionContext } from './machine-snapshot.ts';
import type { TransitionCheck } from './transition-trace.ts';

/**
 * What one call into XState carries and collects. It rides on the event (XState hands the event to every guard,
 * also to `always` guards after the event's own transition), so the compiled machine stays free of per-call state
 * and one compiled machine serves every record and every caller.
 */
export interface MachineRun {
  context: TransitionContext;
  considered: TransitionCheck[];
  taken: string[];
}

export const runKey = 'stagecraft';

/** XState's context for our machines: only what the snapshot persists besides the stage. */
export interface RunContext {
  flags: StageFlags;
  enteredAt: string;
}

export interface RunEvent {
  type: string;
  [runKey]?: MachineRun;
  /** XState's init event carries the input: the run of `initialSnapshot`. */
  input?: { [runKey]: MachineRun };
}

export interface EffectActionParams {
  effect: EffectInvocation;
  source: string;
}

/**
 * The run an event carries. XState's pure `transition` builds a throw-away actor for every call, which runs the
 * initial stage's entry without our input; that entry sees no run and must not throw (an exception per transition
 * costs more than the transition itself).
 */
export function runOf(event: RunEvent): MachineRun | undefined {
  return event[runKey] ?? event.input?.[runKey];
}
