import type { Condition } from '../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { prepareEvaluationContext, type EvaluationContext, type PreparedContext } from './evaluation-context.ts';
import { compileLeafTest } from './leaf-test.ts';
import { planCondition, type PlannedCondition } from './plan-condition.ts';
import { compileFactReader, type FactRow } from './read-fact-value.ts';

export type PreparedPredicate = (row: FactRow, context: PreparedContext) => boolean;

export interface ConditionPredicate {
  (row: FactRow, context: EvaluationContext): boolean;
  /** For many records in one context: the per-context work (today's date in the zone) is done once. */
  prepare(context: EvaluationContext): (row: FactRow) => boolean;
}

/**
 * Compiles a condition into plain closures, built once: no eval, no generated code. Throws InvalidConditionError
 * for a condition the catalogue does not accept.
 */
export function compileConditionToPredicate(condition: Condition, catalogue: FactCatalogue): ConditionPredicate {
  const evaluate = compileNode(planCondition(condition, catalogue));
  const predicate = (row: FactRow, context: EvaluationContext) => evaluate(row, prepareEvaluationContext(context));
  predicate.prepare = (context: EvaluationContext) => {
    const prepared = prepareEvaluationContext(context);
    return (row: FactRow) => evaluate(row, prepared);
  };
  return predicate;
}

function compileNode(node: PlannedCondition): PreparedPredicate {
  switch (node.kind) {
    case 'leaf': {
      const read = compileFactReader(node.fact, node.granularity);
      const test = compileLeafTest(node);
      return (row, context) => test(read(row, context));
    }
    case 'not': {
      const child = compileNode(node.child);
      return (row, context) => !child(row, context);
    }
    case 'all': {
      const children = node.children.map(compileNode);
      return (row, context) => {
        for (const child of children) if (!child(row, context)) return false;
        return true;
      };
    }
    case 'any': {
      const children = node.children.map(compileNode);
      return (row, context) => {
        for (const child of children) if (child(row, context)) return true;
        return false;
      };
    }
  }
}
