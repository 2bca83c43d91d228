import fc from 'fast-check';
import type { Condition, ConditionOperator } from '../../definitions/condition.schema.ts';
import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import { operatorsByFactType, valueShapeOfOperator } from '../../engine/conditions/fact-operators.ts';
import { dayTextNear, instantNear } from './condition-differential.records.ts';

/** Random valid conditions over a catalogue, with values near `base` (UTC midnight of the evaluation day). */
export function conditionArbitrary(catalogue: FactCatalogue, base: number): fc.Arbitrary<Condition> {
  const leaf = fc.constantFrom(...catalogue.facts).chain((fact) => leafArbitrary(fact, base));
  const { condition } = fc.letrec<{ condition: Condition; all: Condition; any: Condition; not: Condition }>((tie) => ({
    condition: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'condition' },
      { arbitrary: leaf, weight: 4 },
      { arbitrary: tie('all'), weight: 1 },
      { arbitrary: tie('any'), weight: 1 },
      { arbitrary: tie('not'), weight: 1 },
    ),
    all: fc.record({ all: fc.array(tie('condition'), { maxLength: 3, depthIdentifier: 'condition' }) }),
    any: fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3, depthIdentifier: 'condition' }) }),
    not: fc.record({ not: tie('condition') }),
  }));
  return condition;
}

function scalarArbitrary(fact: FactDefinition, operator: ConditionOperator, base: number): fc.Arbitrary<string | number | boolean> {
  switch (fact.type) {
    case 'enum':
      return fc.constantFrom(...(fact.options ?? []).map((o) => o.value));
    case 'string': {
      const texts = ['Wang Wei', 'wang', 'Wang', '王', 'An', 'ANN', 'North', 'north', '138', '-', 'u1', 'u2'];
      return fc.constantFrom(...(operator === 'includesText' || operator === 'excludesText' ? texts : [...texts, '']));
    }
    case 'number':
      return fact.source.kind === 'daysSince' || fact.source.kind === 'countToday'
        ? fc.integer({ min: -2, max: 22 })
        : fc.oneof(fc.constantFrom(-3.25, 0, 1, 12.5, 15, 15.5, 99.99, 100, 1000), fc.integer({ min: -5, max: 20 }));
    case 'boolean':
      return fc.boolean();
    case 'date':
      return dayTextNear(base, { min: -4, max: 4 });
    case 'datetime':
      return dayTextNear(base, { min: -21, max: 4 });
  }
}

/** Date-times compare either by day or by instant within one leaf; instants are written with Z or +08:00. */
function instantTextArbitrary(base: number): fc.Arbitrary<string> {
  return fc.tuple(instantNear(base, { min: -21, max: 4 }), fc.boolean()).map(([ms, shanghai]) => {
    if (!shanghai) return new Date(ms).toISOString();
    return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
  });
}

function leafArbitrary(fact: FactDefinition, base: number): fc.Arbitrary<Condition> {
  return fc
    .tuple(fc.constantFrom(...operatorsByFactType[fact.type]), fc.boolean())
    .chain(([operator, byInstant]) => {
      const scalar =
        fact.type === 'datetime' && byInstant ? instantTextArbitrary(base) : scalarArbitrary(fact, operator, base);
      const leaf = (value?: unknown) =>
        (value === undefined ? { fact: fact.name, operator } : { fact: fact.name, operator, value }) as Condition;
      switch (valueShapeOfOperator[operator]) {
        case 'none':
          return fc.constant(leaf());
        case 'single':
          return scalar.map(leaf);
        case 'list':
          return fc.uniqueArray(scalar, { minLength: 1, maxLength: 3 }).map(leaf);
        case 'pair':
          return fc.tuple(scalar, scalar).map(([a, b]) => leaf(compareForRange(fact, a, b) <= 0 ? [a, b] : [b, a]));
      }
    });
}

function compareForRange(fact: FactDefinition, a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (fact.type === 'datetime' && typeof a === 'string' && a.includes('T')) return Date.parse(a) - Date.parse(String(b));
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
