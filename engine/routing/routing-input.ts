import type { LocalizedText } from '../validation/problem.ts';
import type { loadMeasures } from '../../definitions/routing-policy.schema.ts';

export type LoadMeasure = (typeof loadMeasures)[number];

export interface WorkingHours {
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** `HH:MM`; `from` after `to` is a shift across midnight. */
  from: string;
  to: string;
}

/** A person a lead may go to, as the runtime read them in the routing transaction. */
export interface RoutingCandidate {
  /** The user id as text (policies name users by id or by login). */
  id: string;
  login: string;
  name: string;
  roleKey: string;
  teamName: string | null;
  onLeave: boolean;
  /** Their own hours; absent: the rule's default hours apply. */
  workingHours?: WorkingHours;
  /** Only the measures the policy needs are read. */
  loads: Partial<Record<LoadMeasure, number>>;
}

/**
 * What the strategies remember between decisions, kept in one row per policy and updated in the transaction that
 * reads it: the last user each round-robin turn went to, and the shares each weighted rule has handed out.
 */
export interface RoutingState {
  cursors: Record<string, string>;
  counts: Record<string, Record<string, number>>;
}

export const emptyRoutingState = (): RoutingState => ({ cursors: {}, counts: {} });

export interface RoutingRequest {
  /** The record's fact row (column keys), as conditions read it. */
  record: Readonly<Record<string, unknown>>;
  candidates: readonly RoutingCandidate[];
  state: RoutingState;
  now: Date | number;
  /** The organisation's time zone, for conditions that count days. */
  timeZone: string;
}

/** One rule's part in a decision, for the explanation. */
export interface RoutingStep {
  ruleId: string;
  ruleNumber: number;
  outcome: 'conditionNotMet' | 'nobodyAvailable' | 'chosen' | 'disabled';
  words: LocalizedText;
}

export type RoutingTarget =
  | { kind: 'user'; userId: string; name: string }
  | { kind: 'pool'; poolId?: string };

export interface RoutingDecision {
  target: RoutingTarget;
  /** The rule that placed the record; absent when the policy's own fallback did. */
  ruleId?: string;
  strategy?: string;
  /** The last step in words: "rule 2 Zhejiang territory → weighted → Li Hong (weight 3)". */
  summary: LocalizedText;
  steps: RoutingStep[];
  /** The state to store; the same object when nothing changed. */
  state: RoutingState;
}
