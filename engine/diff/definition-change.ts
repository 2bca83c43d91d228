import type { LocalizedText } from '../validation/problem.ts';

export const changeKinds = [
  'definitionChanged',
  'initialChanged',
  'eventAdded',
  'eventRemoved',
  'eventChanged',
  'stateAdded',
  'stateRemoved',
  'stateRenamed',
  'stateChanged',
  'transitionAdded',
  'transitionRemoved',
  'transitionRetargeted',
  'transitionChanged',
  'guardChanged',
  'effectsChanged',
  'triggerChanged',
  'conditionsChanged',
  'ruleChanged',
] as const;

export type ChangeKind = (typeof changeKinds)[number];

/** Where a transition sits: its source state, what fires it (`on:EVENT`, `always`, `after:15d`) and its target. */
export interface TransitionRef {
  source: string;
  trigger: string;
  target: string | null;
}

/**
 * One behavioural difference between two versions, as the designer's version diff and the API show it. `path`
 * points into the newer version, or into the older one for things that were removed.
 */
export interface DefinitionChange {
  kind: ChangeKind;
  path: string;
  summary: LocalizedText;
  state?: string;
  previousState?: string;
  transition?: TransitionRef;
  properties?: string[];
  before?: unknown;
  after?: unknown;
  addedEffects?: unknown[];
  removedEffects?: unknown[];
}

/** What publishing the newer version means for records on the older one: which states they may be stuck in. */
export interface MigrationHints {
  /** States of the older version that do not exist in the newer one (renamed states included). */
  disappearingStates: string[];
  /** A proposed migration map: renamed states go to their new id; removed ones are left for the admin to choose. */
  suggestedStateMap: Record<string, string>;
}

export interface DefinitionDiff {
  changes: DefinitionChange[];
  migration: MigrationHints;
}
