import type { Condition, ConditionLeaf } from '../../../definitions/condition.schema.ts';
import type { FactCatalogue, FactDefinition } from '../../../definitions/fact-catalogue.schema.ts';

type Scalar = string | number | boolean | null;
type Row = Record<string, unknown> & { custom_fields: Record<string, unknown> };

const dayMs = 86_400_000;

function factOf(catalogue: FactCatalogue, name: string): FactDefinition {
  const fact = catalogue.facts.find((f) => f.name === name);
  if (fact === undefined) throw new Error(`No fact ${name} in the ${catalogue.entity} catalogue.`);
  return fact;
}

/** A value of the fact's type other than every value given. */
function otherValue(fact: FactDefinition, avoid: readonly Scalar[]): Scalar {
  switch (fact.type) {
    case 'boolean':
      return !avoid.includes(true);
    case 'number':
      return Math.max(0, ...avoid.filter((v): v is number => typeof v === 'number')) + 1;
    case 'enum': {
      const option = fact.options?.find((o) => !avoid.includes(o.value));
      if (option === undefined) throw new Error(`Every option of ${fact.name} is excluded.`);
      return option.value;
    }
    default:
      return `not-${avoid.join('-')}`;
  }
}

function sampleValue(fact: FactDefinition, now: Date): Scalar {
  if (fact.source.kind === 'daysSince' || fact.type === 'number') return 1;
  if (fact.type === 'date') return now.toISOString().slice(0, 10);
  if (fact.type === 'datetime') return now.toISOString();
  return otherValue(fact, []);
}

/** The fact value that makes the leaf come out as `wanted`. */
function leafValue(leaf: ConditionLeaf, fact: FactDefinition, wanted: boolean, now: Date): Scalar {
  const values: Scalar[] = leaf.value === undefined ? [] : Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  const first = values[0] ?? null;
  const n = typeof first === 'number' ? first : 0;
  switch (leaf.operator) {
    case 'equal':
    case 'in':
    case 'includesText':
      return wanted ? first : otherValue(fact, values);
    case 'notEqual':
    case 'notIn':
    case 'excludesText':
      return wanted ? otherValue(fact, values) : first;
    case 'isEmpty':
      return wanted ? null : sampleValue(fact, now);
    case 'isNotEmpty':
      return wanted ? sampleValue(fact, now) : null;
    case 'greaterThan':
      return wanted ? n + 1 : n;
    case 'greaterThanInclusive':
      return wanted ? n : n - 1;
    case 'lessThan':
      return wanted ? n - 1 : n;
    case 'lessThanInclusive':
      return wanted ? n : n + 1;
    case 'between':
      return wanted ? n : (typeof values[1] === 'number' ? values[1] : n) + 1;
  }
}

function place(row: Row, fact: FactDefinition, value: Scalar, now: Date): void {
  const source = fact.source;
  switch (source.kind) {
    case 'column':
      row[source.column] = value;
      return;
    case 'customField':
      row.custom_fields[source.key] = value;
      return;
    case 'daysSince':
      row[source.column] = typeof value === 'number' ? new Date(now.getTime() - value * dayMs).toISOString() : null;
      return;
    case 'countToday':
    case 'exists':
      row[source.aggregateColumn] = value;
  }
}

function solve(condition: Condition, catalogue: FactCatalogue, wanted: boolean, now: Date, row: Row): void {
  if ('all' in condition || 'any' in condition) {
    const children = 'all' in condition ? condition.all : condition.any;
    // all/true and any/false need every child to agree; all/false and any/true need only the first.
    const everyChild = ('all' in condition) === wanted;
    for (const child of everyChild ? children : children.slice(0, 1)) solve(child, catalogue, wanted, now, row);
    return;
  }
  if ('not' in condition) {
    solve(condition.not, catalogue, !wanted, now, row);
    return;
  }
  const fact = factOf(catalogue, condition.fact);
  place(row, fact, leafValue(condition, fact, wanted, now), now);
}

/**
 * A fact row on which each condition comes out as wanted — for walking a machine's transitions in tests. Covers the
 * operators the default definitions use on numbers, booleans, enums and text; conditions that need two leaves on
 * one fact to agree (a range spelled as two leaves) are beyond it.
 */
export function factsSatisfying(
  wanted: ReadonlyArray<{ condition: Condition; holds: boolean }>,
  catalogue: FactCatalogue,
  now: Date,
): Row {
  const row: Row = { custom_fields: {} };
  for (const { condition, holds } of wanted) solve(condition, catalogue, holds, now, row);
  return row;
}
