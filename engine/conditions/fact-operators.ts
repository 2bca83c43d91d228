import type { ConditionOperator } from '../../definitions/condition.schema.ts';
import type { FactType } from '../../definitions/fact-catalogue.schema.ts';

const equality = ['equal', 'notEqual', 'in', 'notIn'] as const;
const ordering = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'between'] as const;
const emptiness = ['isEmpty', 'isNotEmpty'] as const;

/**
 * Which operators suit each fact type. Text has no ordering on purpose: `<` on text depends on the database
 * collation, which JavaScript cannot reproduce, so text offers equality and containment only.
 */
export const operatorsByFactType: Record<FactType, readonly ConditionOperator[]> = {
  string: [...equality, 'includesText', 'excludesText', ...emptiness],
  enum: [...equality, ...emptiness],
  number: [...equality, ...ordering, ...emptiness],
  boolean: ['equal', 'notEqual', ...emptiness],
  date: [...equality, ...ordering, ...emptiness],
  datetime: [...equality, ...ordering, ...emptiness],
};

/** What an operator expects as `value`: nothing, one scalar, a [low, high] pair or a list. */
export const valueShapes = ['none', 'single', 'pair', 'list'] as const;
export type ValueShape = (typeof valueShapes)[number];

export const valueShapeOfOperator: Record<ConditionOperator, ValueShape> = {
  equal: 'single',
  notEqual: 'single',
  lessThan: 'single',
  lessThanInclusive: 'single',
  greaterThan: 'single',
  greaterThanInclusive: 'single',
  in: 'list',
  notIn: 'list',
  includesText: 'single',
  excludesText: 'single',
  isEmpty: 'none',
  isNotEmpty: 'none',
  between: 'pair',
};
