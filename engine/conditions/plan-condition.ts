import type { Condition, ConditionLeaf, ConditionOperator } from '../../definitions/condition.schema.ts';
import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import type { Problem } from '../validation/problem.ts';
import { factByName } from './catalogue-facts.ts';
import { comparableValue, granularityOf, type Comparable, type Granularity } from './condition-values.ts';
import { validateCondition } from './validate-condition.ts';

/** A validated leaf with its fact resolved and its values in comparable form (see condition-values.ts). */
export interface PlannedLeaf {
  kind: 'leaf';
  leaf: ConditionLeaf;
  fact: FactDefinition;
  operator: ConditionOperator;
  granularity: Granularity;
  values: Comparable[];
}

export type PlannedCondition =
  | PlannedLeaf
  | { kind: 'all' | 'any'; children: PlannedCondition[] }
  | { kind: 'not'; child: PlannedCondition };

export class InvalidConditionError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`Invalid condition: ${problems.map((p) => `${p.path || '/'} ${p.message.en}`).join('; ')}`);
    this.name = 'InvalidConditionError';
    this.problems = problems;
  }
}

const plans = new WeakMap<object, WeakMap<FactCatalogue, PlannedCondition>>();

/** Validates and resolves a condition once per (condition, catalogue) object pair; throws InvalidConditionError. */
export function planCondition(condition: Condition, catalogue: FactCatalogue): PlannedCondition {
  let byCatalogue = plans.get(condition);
  const cached = byCatalogue?.get(catalogue);
  if (cached !== undefined) return cached;
  const problems = validateCondition(condition, catalogue, '');
  if (problems.length > 0) throw new InvalidConditionError(problems);
  const plan = planNode(condition, catalogue);
  if (byCatalogue === undefined) {
    byCatalogue = new WeakMap();
    plans.set(condition, byCatalogue);
  }
  byCatalogue.set(catalogue, plan);
  return plan;
}

function planNode(condition: Condition, catalogue: FactCatalogue): PlannedCondition {
  if ('all' in condition) return { kind: 'all', children: condition.all.map((c) => planNode(c, catalogue)) };
  if ('any' in condition) return { kind: 'any', children: condition.any.map((c) => planNode(c, catalogue)) };
  if ('not' in condition) return { kind: 'not', child: planNode(condition.not, catalogue) };
  const fact = factByName(catalogue, condition.fact) as FactDefinition;
  const raw = condition.value === undefined ? [] : Array.isArray(condition.value) ? condition.value : [condition.value];
  const granularity = granularityOf(fact.type, raw) as Granularity;
  return {
    kind: 'leaf',
    leaf: condition,
    fact,
    operator: condition.operator,
    granularity,
    values: raw.map((v) => comparableValue(fact.type, granularity, v) as Comparable),
  };
}
