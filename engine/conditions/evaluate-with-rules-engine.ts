import { Engine, type Almanac, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Condition } from '../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { Comparable, Granularity } from './condition-values.ts';
import { prepareEvaluationContext, type EvaluationContext, type PreparedContext } from './evaluation-context.ts';
import { planCondition, type PlannedCondition } from './plan-condition.ts';
import { compileFactReader, type FactReader, type FactRow, type FactValue } from './read-fact-value.ts';

/**
 * The reference semantics: json-rules-engine itself decides, with its own all/any/not and its default operators
 * (equal, notEqual, in, notIn, lessThan…), plus the operators our language adds. Facts are read from the fact row by
 * the catalogue, in the same comparable form the other compilations use. The closure and the SQL must agree with it.
 */
const rowFact = 'stagecraft:row';
const contextFact = 'stagecraft:context';

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

function addStagecraftOperators(engine: Engine): void {
  engine.addOperator('includesText', (a: unknown, b: string) => typeof a === 'string' && a.includes(b));
  engine.addOperator('excludesText', (a: unknown, b: string) => !(typeof a === 'string' && a.includes(b)));
  engine.addOperator('isEmpty', (a: unknown) => isEmpty(a));
  engine.addOperator('isNotEmpty', (a: unknown) => !isEmpty(a));
  engine.addOperator(
    'between',
    (a: unknown, [low, high]: [Comparable, Comparable]) => a !== null && a !== undefined && a >= low && a <= high,
  );
}

function toRulesEngineCondition(node: PlannedCondition): NestedCondition {
  switch (node.kind) {
    case 'all':
      return { all: node.children.map(toRulesEngineCondition) };
    case 'any':
      return { any: node.children.map(toRulesEngineCondition) };
    case 'not':
      return { not: toRulesEngineCondition(node.child) };
    case 'leaf': {
      const single = node.operator !== 'in' && node.operator !== 'notIn' && node.operator !== 'between';
      // json-rules-engine requires a value on every leaf, even for operators that ignore it.
      const value = node.values.length === 0 ? null : single ? node.values[0] : node.values;
      return { fact: node.fact.name, operator: node.operator, value, params: { granularity: node.granularity } };
    }
  }
}

export interface RulesEngineEvaluator {
  run(row: FactRow, context: EvaluationContext | PreparedContext): Promise<boolean>;
}

/** Builds one json-rules-engine Engine for the condition; each run supplies the record and the context as facts. */
export function buildRulesEngineEvaluator(condition: Condition, catalogue: FactCatalogue): RulesEngineEvaluator {
  const plan = planCondition(condition, catalogue);
  const engine = new Engine([], { allowUndefinedFacts: false });
  addStagecraftOperators(engine);
  const readers = new Map<string, FactReader>();
  for (const fact of catalogue.facts) {
    engine.addFact<Promise<FactValue>>(fact.name, async (params, almanac: Almanac) => {
      const granularity = params['granularity'] as Granularity;
      const key = `${fact.name}\u0000${granularity}`;
      let read = readers.get(key);
      if (read === undefined) {
        read = compileFactReader(fact, granularity);
        readers.set(key, read);
      }
      const row = await almanac.factValue<FactRow>(rowFact);
      const context = await almanac.factValue<PreparedContext>(contextFact);
      return read(row, context);
    });
  }
  const root = toRulesEngineCondition(plan);
  // A rule's root must be all, any or not.
  const conditions = ('fact' in root ? { all: [root] } : root) as TopLevelCondition;
  engine.addRule({ conditions, event: { type: 'matched' } });
  return {
    async run(row, context) {
      const prepared = 'todayIndex' in context ? context : prepareEvaluationContext(context);
      const { events } = await engine.run({ [rowFact]: row, [contextFact]: prepared });
      return events.length > 0;
    },
  };
}

/** Evaluates one condition on one record with json-rules-engine (the reference the other compilations follow). */
export async function evaluateWithRulesEngine(
  condition: Condition,
  catalogue: FactCatalogue,
  row: FactRow,
  context: EvaluationContext,
): Promise<boolean> {
  return buildRulesEngineEvaluator(condition, catalogue).run(row, context);
}
