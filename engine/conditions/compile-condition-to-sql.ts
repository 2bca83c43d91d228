import type { Condition } from '../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { dayTextFromKey } from './calendar-days.ts';
import type { Comparable } from './condition-values.ts';
import type { EvaluationContext } from './evaluation-context.ts';
import { factSqlExpression } from './fact-sql-expression.ts';
import { planCondition, type PlannedCondition, type PlannedLeaf } from './plan-condition.ts';
import { quoteIdentifier, SqlParameters } from './sql-parameters.ts';

export interface SqlCompileOptions {
  /** Number of the first `$n` placeholder, when the fragment joins a query that already binds parameters. */
  firstParam?: number;
  /** The alias of the entity table in the surrounding query; the catalogue's table name when absent. */
  tableAlias?: string;
  /** Needed when the condition uses the clock or the time zone (days since, today, day-valued date-times). */
  context?: EvaluationContext;
}

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * Compiles a condition into a PostgreSQL WHERE fragment that selects exactly the rows the closure accepts. Every
 * leaf is two-valued — NULL is folded to the answer json-rules-engine gives on a missing value — so AND, OR and NOT
 * behave as in JavaScript. Throws InvalidConditionError for a condition the catalogue does not accept.
 */
export function compileConditionToSql(
  condition: Condition,
  catalogue: FactCatalogue,
  options: SqlCompileOptions = {},
): SqlFragment {
  const parameters = new SqlParameters(options.firstParam ?? 1, options.context);
  const table = quoteIdentifier(options.tableAlias ?? catalogue.table);
  const sql = compileNode(planCondition(condition, catalogue), table, parameters);
  return { sql, params: parameters.values };
}

function compileNode(node: PlannedCondition, table: string, parameters: SqlParameters): string {
  switch (node.kind) {
    case 'leaf':
      return compileLeaf(node, table, parameters);
    case 'not':
      return `(not ${compileNode(node.child, table, parameters)})`;
    case 'all':
    case 'any': {
      if (node.children.length === 0) return 'true';
      const parts = node.children.map((child) => compileNode(child, table, parameters));
      return parts.length === 1 ? (parts[0] as string) : `(${parts.join(node.kind === 'all' ? ' and ' : ' or ')})`;
    }
  }
}

function parameterValue(leaf: PlannedLeaf, value: Comparable): unknown {
  if (leaf.granularity === 'day') return dayTextFromKey(value as number);
  if (leaf.granularity === 'instant') return new Date(value as number).toISOString();
  return value;
}

function compileLeaf(leaf: PlannedLeaf, table: string, parameters: SqlParameters): string {
  const fact = factSqlExpression(leaf.fact, leaf.granularity, table, parameters);
  const x = fact.sql;
  const one = () => parameters.bind(parameterValue(leaf, leaf.values[0] as Comparable), fact.valueCast);
  const list = () => parameters.bind(leaf.values.map((v) => parameterValue(leaf, v)), `${fact.valueCast}[]`);
  // Two-valued without hiding the comparison from the planner: `x = $1 and x is not null` is false where x is NULL,
  // as coalesce(x = $1, false) would be, but an expression index on x still serves it. Related-row aggregates are
  // never NULL (a count, an exists), so they need neither.
  const aggregate = leaf.fact.source.kind === 'countToday' || leaf.fact.source.kind === 'exists';
  const holds = (predicate: string) => (aggregate ? predicate : `(${predicate} and ${x} is not null)`);
  switch (leaf.operator) {
    case 'equal':
      return holds(`${x} = ${one()}`);
    case 'notEqual':
      return `(${x} is distinct from ${one()})`;
    case 'lessThan':
      return holds(`${x} < ${one()}`);
    case 'lessThanInclusive':
      return holds(`${x} <= ${one()}`);
    case 'greaterThan':
      return holds(`${x} > ${one()}`);
    case 'greaterThanInclusive':
      return holds(`${x} >= ${one()}`);
    case 'between': {
      const low = parameters.bind(parameterValue(leaf, leaf.values[0] as Comparable), fact.valueCast);
      const high = parameters.bind(parameterValue(leaf, leaf.values[1] as Comparable), fact.valueCast);
      return holds(`${x} between ${low} and ${high}`);
    }
    case 'in':
      return holds(`${x} = any(${list()})`);
    case 'notIn':
      return `(not ${holds(`${x} = any(${list()})`)})`;
    // strpos, not LIKE: no wildcards to escape, and no collation decides what "contains" means.
    case 'includesText':
      return holds(`strpos(${x}, ${one()}) > 0`);
    case 'excludesText':
      return `(not ${holds(`strpos(${x}, ${one()}) > 0`)})`;
    case 'isEmpty':
      return fact.isText ? `(coalesce(${x}, '') = '')` : `(${x} is null)`;
    case 'isNotEmpty':
      return fact.isText ? `(coalesce(${x}, '') <> '')` : `(${x} is not null)`;
  }
}
