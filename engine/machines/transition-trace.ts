import type { Condition } from '../../definitions/condition.schema.ts';
import type { EffectInvocation, StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import type { ConditionTrace } from '../conditions/index.ts';
import type { LocalizedText, Problem } from '../validation/problem.ts';

/**
 * The explanation every transition carries: which transitions were considered, what each check saw, what was
 * taken and which effects came out. Plain JSON, so the designer's simulator and the audit view can show it as is.
 */

export type TransitionKind = 'event' | 'always' | 'after';

export type CheckOutcome =
  | { check: 'role'; passed: boolean; allowedRoles: string[]; actorRoles: string[] }
  | { check: 'permission'; passed: boolean; permission: string; stage: string; grantedBy: string | null }
  | { check: 'flags'; passed: boolean; expected: StageFlags; actual: StageFlags }
  | { check: 'requiredFields'; passed: boolean; required: string[]; missing: string[] }
  | { check: 'guard'; passed: boolean; condition: Condition; trace: ConditionTrace };

export interface TransitionCheck {
  /** JSON Pointer of the transition in the definition, e.g. `/states/potential/on/UPGRADE/0`. */
  transition: string;
  kind: TransitionKind;
  event: string;
  source: string;
  /** Absent for a transition that stays in its stage (it only runs actions or sets flags). */
  target?: string;
  label: LocalizedText;
  allowed: boolean;
  checks: CheckOutcome[];
  /** Why it may not be taken: the first failed check. */
  refusal?: Problem;
}

export interface TracedEffect {
  /** JSON Pointer of the action, entry or exit effect that produced it. */
  source: string;
  effect: EffectInvocation;
}

export interface TransitionTrace {
  machine: string;
  version: number;
  event: string;
  from: string;
  to: string;
  flagsBefore: StageFlags;
  flagsAfter: StageFlags;
  considered: TransitionCheck[];
  /** Pointers of the transitions taken, in order: the event's, then any `always` that followed. */
  taken: string[];
  /** Every effect the transition emits and every `setFlags` the machine applied itself, in execution order. */
  effects: TracedEffect[];
}
