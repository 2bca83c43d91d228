import type { Comparable } from './condition-values.ts';
import type { PlannedLeaf } from './plan-condition.ts';
import type { FactValue } from './read-fact-value.ts';

export type LeafTest = (value: FactValue) => boolean;

const isEmpty = (v: FactValue) => v === null || v === '';

/**
 * One leaf's operator as a closure over its comparable values. Null (missing) satisfies only isEmpty and the
 * negative operators (notEqual, notIn, excludesText), exactly as json-rules-engine's operators decide on null.
 */
export function compileLeafTest(leaf: PlannedLeaf): LeafTest {
  const [a, b] = leaf.values as [Comparable, Comparable];
  switch (leaf.operator) {
    case 'equal':
      return (v) => v === a;
    case 'notEqual':
      return (v) => v !== a;
    case 'lessThan':
      return (v) => v !== null && v < a;
    case 'lessThanInclusive':
      return (v) => v !== null && v <= a;
    case 'greaterThan':
      return (v) => v !== null && v > a;
    case 'greaterThanInclusive':
      return (v) => v !== null && v >= a;
    case 'between':
      return (v) => v !== null && v >= a && v <= b;
    case 'in': {
      const set = new Set<FactValue>(leaf.values);
      return (v) => v !== null && set.has(v);
    }
    case 'notIn': {
      const set = new Set<FactValue>(leaf.values);
      return (v) => v === null || !set.has(v);
    }
    case 'includesText':
      return (v) => typeof v === 'string' && v.includes(a as string);
    case 'excludesText':
      return (v) => !(typeof v === 'string' && v.includes(a as string));
    case 'isEmpty':
      return isEmpty;
    case 'isNotEmpty':
      return (v) => !isEmpty(v);
  }
}
