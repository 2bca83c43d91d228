import type { Condition, ConditionLeaf, ConditionOperator } from '../../../definitions/condition.schema.ts';
import type { FactCatalogue, FactDefinition } from '../../../definitions/fact-catalogue.schema.ts';
import { factByName } from '../../../engine/conditions/catalogue-facts.ts';
import { alwaysWords, bracketed, groupWords, leafWords, notWords } from '../../../engine/conditions/condition-words.ts';
import { operatorsByFactType, valueShapeOfOperator, type ValueShape } from '../../../engine/conditions/fact-operators.ts';
import type { Locale } from '../../../engine/validation/problem.ts';

/**
 * The condition builder's view of a condition while it is being written. The engine's describeCondition validates
 * first, with ajv compiled at module load, which the designer's Content-Security-Policy (no eval) forbids; so the
 * builder walks the tree itself with the engine's own word functions, and the API's validate call judges it.
 */
export function describeDraftCondition(condition: Condition, catalogue: FactCatalogue, locale: Locale, top = true): string {
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const children = 'all' in condition ? condition.all : condition.any;
    if (children.length === 0) return alwaysWords(locale);
    const words = groupWords(kind, children.map((child) => describeDraftCondition(child, catalogue, locale, false)), locale);
    return top || children.length === 1 ? words : bracketed(words, locale);
  }
  if ('not' in condition) return notWords(describeDraftCondition(condition.not, catalogue, locale), locale);
  const fact = factByName(catalogue, condition.fact);
  // A fact the catalogue lacks is still shown by name, so the admin sees what to fix.
  const shown: FactDefinition = fact ?? { name: condition.fact, type: 'string', label: { en: condition.fact, 'zh-CN': condition.fact }, source: { kind: 'column', column: 'missing' } };
  return leafWords(shown, condition.operator, condition.value, locale);
}

export function operatorsForFact(fact: FactDefinition | undefined): readonly ConditionOperator[] {
  return fact === undefined ? [] : operatorsByFactType[fact.type];
}

export function valueShapeOf(operator: ConditionOperator): ValueShape {
  return valueShapeOfOperator[operator];
}

function defaultValue(fact: FactDefinition, shape: ValueShape): ConditionLeaf['value'] {
  const single = fact.type === 'enum' ? (fact.options?.[0]?.value ?? '') : fact.type === 'number' ? 0 : fact.type === 'boolean' ? true : '';
  switch (shape) {
    case 'none':
      return undefined;
    case 'single':
      return single;
    case 'pair':
      return [single, single];
    case 'list':
      return [single];
  }
}

/** A leaf for `fact` with its first suitable operator (or `operator` when it suits) and a value of the right shape. */
export function leafFor(fact: FactDefinition, operator?: ConditionOperator): ConditionLeaf {
  const operators = operatorsForFact(fact);
  const chosen = operator !== undefined && operators.includes(operator) ? operator : operators[0]!;
  const value = defaultValue(fact, valueShapeOf(chosen));
  return value === undefined ? { fact: fact.name, operator: chosen } : { fact: fact.name, operator: chosen, value };
}

/** Keeps the value when the new operator takes the same shape, otherwise starts one of the right shape. */
export function withOperator(leaf: ConditionLeaf, fact: FactDefinition | undefined, operator: ConditionOperator): ConditionLeaf {
  if (fact === undefined || valueShapeOf(operator) !== valueShapeOf(leaf.operator)) {
    return fact === undefined ? { ...leaf, operator } : leafFor(fact, operator);
  }
  return { ...leaf, operator };
}
