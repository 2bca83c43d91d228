import type { Candidates, RoutingRule } from '../../definitions/routing-policy.schema.ts';
import type { LocalizedText } from '../validation/problem.ts';
import type { LoadMeasure, RoutingCandidate, RoutingState } from './routing-input.ts';
import { withinWorkingHours } from './working-hours.ts';
import { loadWords, nobodyWords, personWords, turnWords, weightWords } from './routing-words.ts';


/** A pick: who, the words for them, and the state after it; or why nobody. */
export type Pick =
  | { chosen: RoutingCandidate; words: LocalizedText; state: RoutingState }
  | { chosen: undefined; words: LocalizedText };

export function inCandidates(spec: Candidates, candidate: RoutingCandidate): boolean {
  return (
    (spec.users !== undefined && (spec.users.includes(candidate.id) || spec.users.includes(candidate.login))) ||
    (spec.roles !== undefined && spec.roles.includes(candidate.roleKey)) ||
    (spec.teams !== undefined && candidate.teamName !== null && spec.teams.includes(candidate.teamName))
  );
}

/** The named candidates who may take a record now, and — when none — how many each check ruled out. */
/** `all` must be in id order (decideRouting sorts once per decision): turns follow ids, not reading order. */
export function availableCandidates(
  rule: RoutingRule,
  spec: Candidates,
  all: readonly RoutingCandidate[],
  nowMs: number,
): { available: RoutingCandidate[]; nobody: LocalizedText } {
  const named = all.filter((candidate) => inCandidates(spec, candidate));
  const only = rule.onlyAvailable;
  if (only === undefined) return { available: named, nobody: nobodyWords({ onLeave: 0, offHours: 0, full: 0, none: true }) };
  const reasons = { onLeave: 0, offHours: 0, full: 0, none: named.length === 0 };
  const available = named.filter((candidate) => {
    if (only.skipOnLeave === true && candidate.onLeave) {
      reasons.onLeave++;
      return false;
    }
    const hours = candidate.workingHours ?? only.workingHours;
    if (hours !== undefined && !withinWorkingHours(hours, nowMs)) {
      reasons.offHours++;
      return false;
    }
    if (only.capacity !== undefined && (candidate.loads[only.capacity.measure] ?? 0) >= only.capacity.max) {
      reasons.full++;
      return false;
    }
    return true;
  });
  return { available, nobody: nobodyWords(reasons) };
}

/** Candidates from the one after `cursor` (the last one given a record) round to the cursor itself. */
function fromCursor(candidates: readonly RoutingCandidate[], cursor: string | undefined): RoutingCandidate[] {
  if (cursor === undefined) return [...candidates];
  const after = Number(cursor);
  const split = candidates.findIndex((candidate) => Number(candidate.id) > after);
  return split <= 0 ? [...candidates] : [...candidates.slice(split), ...candidates.slice(0, split)];
}

function withCursor(state: RoutingState, key: string, id: string): RoutingState {
  return { cursors: { ...state.cursors, [key]: id }, counts: state.counts };
}

export function pickRoundRobin(candidates: readonly RoutingCandidate[], state: RoutingState, key: string): Pick | undefined {
  const chosen = fromCursor(candidates, state.cursors[key])[0];
  if (chosen === undefined) return undefined;
  return { chosen, words: personWords(chosen, turnWords), state: withCursor(state, key, chosen.id) };
}

/**
 * The candidate furthest below their share: the least (handed out + 1) / weight, so 3:1 weights give exactly three
 * of every four records to the first, in any run of four. Ties go to the heavier weight, then in id order.
 */
export function pickWeighted(
  candidates: readonly RoutingCandidate[],
  weights: Readonly<Record<string, number>>,
  state: RoutingState,
  key: string,
): Pick | undefined {
  const counts = state.counts[key] ?? {};
  let best: { candidate: RoutingCandidate; weight: number; need: number } | undefined;
  for (const candidate of candidates) {
    const weight = weights[candidate.id] ?? weights[candidate.login] ?? 1;
    if (weight <= 0) continue;
    const need = ((counts[candidate.id] ?? 0) + 1) / weight;
    if (best === undefined || need < best.need || (need === best.need && weight > best.weight)) best = { candidate, weight, need };
  }
  if (best === undefined) return undefined;
  const id = best.candidate.id;
  const next = { cursors: state.cursors, counts: { ...state.counts, [key]: { ...counts, [id]: (counts[id] ?? 0) + 1 } } };
  return { chosen: best.candidate, words: personWords(best.candidate, weightWords(best.weight)), state: next };
}

/** The candidate with the lowest load; among equals, the next in turn after the last one chosen this way. */
export function pickLeastLoaded(
  candidates: readonly RoutingCandidate[],
  measure: LoadMeasure,
  state: RoutingState,
  key: string,
): Pick | undefined {
  let best: RoutingCandidate | undefined;
  for (const candidate of fromCursor(candidates, state.cursors[key])) {
    if (best === undefined || (candidate.loads[measure] ?? 0) < (best.loads[measure] ?? 0)) best = candidate;
  }
  if (best === undefined) return undefined;
  return { chosen: best, words: personWords(best, loadWords(measure, best.loads[measure] ?? 0)), state: withCursor(state, key, best.id) };
}
