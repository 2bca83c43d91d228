import type { FactType } from '../../../definitions/fact-catalogue.schema.ts';
import type { Candidates, RoutingFallback, RoutingPolicy, RoutingRule, RoutingStrategy } from '../../../definitions/routing-policy.schema.ts';

/**
 * The routing policy form's edits: pure functions from one policy (or rule, or strategy) to the next. A value the
 * schema refuses (an emptied weight, a fallback user not yet chosen) is kept as typed, so the draft's problems name
 * it beside its input instead of the form silently dropping it.
 */
export const strategyTypes = ['roundRobin', 'weighted', 'leastLoaded', 'attributeMatch'] as const;
export type StrategyType = (typeof strategyTypes)[number];
export const candidateKinds = ['users', 'roles', 'teams'] as const;
export type CandidateKind = (typeof candidateKinds)[number];
export type Availability = NonNullable<RoutingRule['onlyAvailable']>;
export type FallbackChoice = RoutingFallback['to'];

export type AttributeMatch = Extract<RoutingStrategy, { type: 'attributeMatch' }>;
export type AttributeGroup = AttributeMatch['groups'][number];
export type GroupValue = AttributeGroup['values'][number];

/** A weight as the form holds it: a whole number, or null while its input is empty. */
export type WeightValue = number | null;

const withoutUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** An id no rule of the policy has yet: `rule-2`, `rule-3` … */
export function freshRuleId(policy: RoutingPolicy): string {
  const taken = new Set(policy.rules.map((rule) => rule.id));
  let n = policy.rules.length + 1;
  while (taken.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}

/** The policy with a new rule at the end: no condition (it applies to every record) and round robin among `candidates`. */
export function addRule(policy: RoutingPolicy, label: RoutingRule['label'], candidates: Candidates): RoutingPolicy {
  const rule: RoutingRule = { id: freshRuleId(policy), label, strategy: { type: 'roundRobin', candidates }, fallback: { to: 'nextRule' } };
  return { ...policy, rules: [...policy.rules, rule] };
}

export function removeRule(policy: RoutingPolicy, index: number): RoutingPolicy {
  return { ...policy, rules: policy.rules.filter((_rule, i) => i !== index) };
}

/** The items with the one at `index` swapped with its neighbour above (-1) or below (+1); undefined past either end. */
function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] | undefined {
  const to = index + by;
  if (to < 0 || to >= items.length) return undefined;
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Moves a rule one place up (-1) or down (+1); at either end the policy stays as it is. */
export function moveRule(policy: RoutingPolicy, index: number, by: -1 | 1): RoutingPolicy {
  const rules = moved(policy.rules, index, by);
  return rules === undefined ? policy : { ...policy, rules };
}

/** The rule with `patch` applied; a key patched to undefined is left out of the rule. */
export function updateRule(policy: RoutingPolicy, index: number, patch: Partial<RoutingRule>): RoutingPolicy {
  return { ...policy, rules: policy.rules.map((rule, i) => (i === index ? withoutUndefined({ ...rule, ...patch }) : rule)) };
}

/** The candidates a strategy hands records to; an attribute match's are its groups' together. */
export function candidatesOf(strategy: RoutingStrategy): Candidates {
  if (strategy.type !== 'attributeMatch') return strategy.candidates;
  const merged: Partial<Record<CandidateKind, string[]>> = {};
  for (const group of strategy.groups) {
    for (const kind of candidateKinds) {
      const names = group.candidates[kind];
      if (names !== undefined) merged[kind] = [...new Set([...(merged[kind] ?? []), ...names])];
    }
  }
  return merged as Candidates;
}

/**
 * The strategy turned into another type, keeping its candidates: weighted starts every named user at weight 1,
 * least loaded counts open leads, and an attribute match starts with one group over `fact` holding them all.
 */
export function withStrategyType(strategy: RoutingStrategy, type: StrategyType, fact: string): RoutingStrategy {
  if (type === strategy.type) return strategy;
  const candidates = candidatesOf(strategy);
  switch (type) {
    case 'roundRobin':
      return { type, candidates };
    case 'weighted':
      return { type, candidates, weights: Object.fromEntries((candidates.users ?? []).map((user) => [user, 1])) };
    case 'leastLoaded':
      return { type, candidates, measure: 'openLeads' };
    case 'attributeMatch':
      return { type, fact, groups: [{ values: [''], candidates }], then: 'roundRobin' };
  }
}

/**
 * An attribute match with a new group at the end, holding no values and nobody yet: the draft's problems name both
 * beside their inputs until the admin fills them in.
 */
export function addGroup(strategy: AttributeMatch): AttributeMatch {
  return { ...strategy, groups: [...strategy.groups, { values: [], candidates: {} }] };
}

export function removeGroup(strategy: AttributeMatch, index: number): AttributeMatch {
  return { ...strategy, groups: strategy.groups.filter((_group, i) => i !== index) };
}

/** Moves a group one place up (-1) or down (+1): the first group holding a record's value wins, so order matters. */
export function moveGroup(strategy: AttributeMatch, index: number, by: -1 | 1): AttributeMatch {
  const groups = moved(strategy.groups, index, by);
  return groups === undefined ? strategy : { ...strategy, groups };
}

export function updateGroup(strategy: AttributeMatch, index: number, patch: Partial<AttributeGroup>): AttributeMatch {
  return { ...strategy, groups: strategy.groups.map((group, i) => (i === index ? { ...group, ...patch } : group)) };
}

/**
 * A group's values as typed, one per line or separated by commas (either width); blanks dropped. For a number or
 * boolean fact a value that reads as one is kept as that JSON type; anything else stays the text typed, as for a
 * text fact (routing compares values as text, so 12 and "12" match alike, but the published JSON says which it is).
 */
export function groupValuesOfText(text: string, factType: FactType | undefined): GroupValue[] {
  const pieces = text.split(/[\n,，]/).map((piece) => piece.trim()).filter((piece) => piece !== '');
  return pieces.map((piece) => {
    if (factType === 'number' && Number.isFinite(Number(piece))) return Number(piece);
    if (factType === 'boolean' && (piece === 'true' || piece === 'false')) return piece === 'true';
    return piece;
  });
}

/** A group's values as the form shows them: one per line. */
export function groupValuesText(values: readonly GroupValue[]): string {
  return values.map(String).join('\n');
}

/** The candidates with `name` of `kind` ticked or unticked; a kind left empty is left out (the schema wants ≥ 1). */
export function withCandidate(candidates: Candidates, kind: CandidateKind, name: string, chosen: boolean): Candidates {
  const current = candidates[kind] ?? [];
  const next = chosen ? (current.includes(name) ? current : [...current, name]) : current.filter((entry) => entry !== name);
  return withoutUndefined({ ...candidates, [kind]: next.length === 0 ? undefined : next });
}

/** The candidates of `kind` replaced by `names` (none: the kind is left out). */
export function withCandidateList(candidates: Candidates, kind: CandidateKind, names: readonly string[]): Candidates {
  return withoutUndefined({ ...candidates, [kind]: names.length === 0 ? undefined : [...new Set(names)] });
}

/**
 * A strategy's candidates changed; a weighted one gives each newly named user weight 1 and forgets the weights of
 * users no longer named (weights for people reached through a role or team stay).
 */
export function withStrategyCandidates(strategy: Exclude<RoutingStrategy, { type: 'attributeMatch' }>, candidates: Candidates): RoutingStrategy {
  if (strategy.type !== 'weighted') return { ...strategy, candidates };
  const before = new Set(strategy.candidates.users ?? []);
  const after = new Set(candidates.users ?? []);
  const weights: Record<string, WeightValue> = {};
  for (const [user, weight] of Object.entries(strategy.weights)) if (!before.has(user) || after.has(user)) weights[user] = weight;
  for (const user of after) if (!(user in weights)) weights[user] = 1;
  return { ...strategy, candidates, weights: weights as Record<string, number> };
}

/** A weighted strategy with `user`'s share set (null: the input is empty, which the draft's problems then name). */
export function withWeight(strategy: Extract<RoutingStrategy, { type: 'weighted' }>, user: string, weight: WeightValue): RoutingStrategy {
  return { ...strategy, weights: { ...strategy.weights, [user]: weight as number } };
}

export function withoutWeight(strategy: Extract<RoutingStrategy, { type: 'weighted' }>, user: string): RoutingStrategy {
  return { ...strategy, weights: Object.fromEntries(Object.entries(strategy.weights).filter(([name]) => name !== user)) };
}

/** The text of a weight input as the form holds it: empty → null, else the number typed (the schema judges it). */
export function weightOfText(text: string): WeightValue {
  return text.trim() === '' ? null : Number(text);
}

/** The rule's availability filter with `patch` applied; a filter left with nothing in it is left out of the rule. */
export function withAvailability(rule: RoutingRule, patch: Partial<Availability>): Partial<RoutingRule> {
  const next = withoutUndefined({ ...rule.onlyAvailable, ...patch });
  return { onlyAvailable: Object.keys(next).length === 0 ? undefined : next };
}

/** Working hours a new filter starts with: weekdays, nine to six, in `timeZone`. */
export const officeHours = (timeZone: string): NonNullable<Availability['workingHours']> => ({ timeZone, days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' });

/** The working days with ISO weekday `day` ticked or unticked, in weekday order. */
export function withDay(days: readonly number[], day: number, chosen: boolean): number[] {
  const next = chosen ? [...days, day] : days.filter((d) => d !== day);
  return [...new Set(next)].sort((a, b) => a - b);
}

/**
 * A fallback of another kind, keeping what it shares with the one before (a pool's id, a user); a user or a rule not
 * yet chosen starts empty, which the draft's problems name until one is.
 */
export function fallbackOfChoice(choice: FallbackChoice, before: RoutingFallback | undefined): RoutingFallback {
  if (before?.to === choice) return before;
  switch (choice) {
    case 'nextRule':
      return { to: 'nextRule' };
    case 'pool':
      return { to: 'pool' };
    case 'user':
      return { to: 'user', userId: '' };
    case 'rule':
      return { to: 'rule', rule: '' };
  }
}
