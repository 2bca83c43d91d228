import type { Condition } from '../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import {
  evaluateConditionWithTrace,
  type ConditionTrace,
  type EvaluationContext,
  type FactRow,
} from '../conditions/index.ts';

export interface GuardOutcome {
  result: boolean;
  trace: ConditionTrace;
}

export type CompiledGuard = (facts: FactRow, context: EvaluationContext) => GuardOutcome;

/**
 * A guard's condition, evaluated by the conditions engine with its trace: every guard decision is explained, and the
 * engine plans each condition once per catalogue, so tracing costs little more than the bare predicate.
 */
export function compileGuard(condition: Condition, catalogue: FactCatalogue): CompiledGuard {
  return (facts, context) => evaluateConditionWithTrace(condition, catalogue, facts, context);
}
