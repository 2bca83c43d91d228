import type { Condition, ConditionLeaf, ConditionOperator } from '../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { dayTextFromKey } from './calendar-days.ts';
import { prepareEvaluationContext, type EvaluationContext, type PreparedContext } from './evaluation-context.ts';
import { compileLeafTest } from './leaf-test.ts';
import { planCondition, type PlannedCondition, type PlannedLeaf } from './plan-condition.ts';
import { compileFactReader, type FactRow, type FactValue } from './read-fact-value.ts';

/** The evaluation of a condition, node by node: per leaf the value seen and whether the leaf held. */
export type ConditionTrace =
  | {
      kind: 'leaf';
      fact: string;
      operator: ConditionOperator;
      value?: ConditionLeaf['value'];
      /** As JSON: days as 'YYYY-MM-DD', instants as ISO text, missing as null. */
      factValue: string | number | boolean | null;
      result: boolean;
    }
  | { kind: 'all' | 'any'; result: boolean; children: ConditionTrace[] }
  | { kind: 'not'; result: boolean; child: ConditionTrace };

type Tracer = (row: FactRow, context: PreparedContext) => ConditionTrace;

const tracers = new WeakMap<PlannedCondition, Tracer>();

/**
 * Evaluates like compileConditionToPredicate but keeps the whole tree (no short-circuit), so an explanation can
 * name every part that decided the outcome. Throws InvalidConditionError for a condition the catalogue refuses.
 */
export function evaluateConditionWithTrace(
  condition: Condition,
  catalogue: FactCatalogue,
  row: FactRow,
  context: EvaluationContext,
): { result: boolean; trace: ConditionTrace } {
  const plan = planCondition(condition, catalogue);
  let tracer = tracers.get(plan);
  if (tracer === undefined) {
    tracer = compileTracer(plan);
    tracers.set(plan, tracer);
  }
  const trace = tracer(row, prepareEvaluationContext(context));
  return { result: trace.result, trace };
}

function shownValue(leaf: PlannedLeaf, value: FactValue): string | number | boolean | null {
  if (value === null || leaf.fact.source.kind === 'daysSince') return value;
  if (leaf.granularity === 'day') return dayTextFromKey(value as number);
  if (leaf.granularity === 'instant') return new Date(value as number).toISOString();
  return value;
}

function compileTracer(node: PlannedCondition): Tracer {
  switch (node.kind) {
    case 'leaf': {
      const read = compileFactReader(node.fact, node.granularity);
      const test = compileLeafTest(node);
      const { fact, operator, value } = node.leaf;
      return (row, context) => {
        const seen = read(row, context);
        const trace: ConditionTrace = { kind: 'leaf', fact, operator, factValue: shownValue(node, seen), result: test(seen) };
        if (value !== undefined) trace.value = value;
        return trace;
      };
    }
    case 'not': {
      const child = compileTracer(node.child);
      return (row, context) => {
        const inner = child(row, context);
        return { kind: 'not', result: !inner.result, child: inner };
      };
    }
    case 'all':
    case 'any': {
      const children = node.children.map(compileTracer);
      const kind = node.kind;
      return (row, context) => {
        const traces = children.map((child) => child(row, context));
        const result = kind === 'all' ? traces.every((t) => t.result) : traces.some((t) => t.result);
        return { kind, result, children: traces };
      };
    }
  }
}
