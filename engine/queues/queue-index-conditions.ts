import type { Condition } from '../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { factSqlExpression } from '../conditions/fact-sql-expression.ts';
import { planCondition, type PlannedCondition } from '../conditions/plan-condition.ts';
import { quoteIdentifier, type SqlParameters } from '../conditions/sql-parameters.ts';

const indexableTypes = new Set(['string', 'enum', 'number', 'boolean']);

/**
 * The parts of a condition an index can search by, as plain comparisons: each `equal` or `in` leaf on a column that
 * the whole condition needs (reached through `all` only), written `column = $n` rather than the compiled
 * `coalesce(column = $n, false)`, which no index matches, and each `isNotEmpty` leaf as `column is not null`. Added beside the compiled condition they change nothing —
 * where the compiled leaf holds, the comparison is true, and where it does not, the row is out anyway — but they
 * let the planner read one stage of an owner's customers instead of all of them.
 */
export function indexableConditionsSql(condition: Condition, catalogue: FactCatalogue, alias: string, parameters: SqlParameters): string[] {
  const found: string[] = [];
  const visit = (node: PlannedCondition) => {
    if (node.kind === 'all') {
      node.children.forEach(visit);
      return;
    }
    if (node.kind !== 'leaf' || node.fact.source.kind !== 'column') return;
    // Not empty, whatever the type and however the compiled leaf reads the column (a text's '' too, a date-time's
    // local day), means at least a value in the column.
    if (node.operator === 'isNotEmpty') {
      found.push(`${alias}.${quoteIdentifier(node.fact.source.column)} is not null`);
      return;
    }
    if (node.granularity !== 'plain' || !indexableTypes.has(node.fact.type)) return;
    if (node.operator !== 'equal' && node.operator !== 'in') return;
    const { sql, valueCast } = factSqlExpression(node.fact, node.granularity, alias, parameters);
    found.push(
      node.operator === 'equal'
        ? `${sql} = ${parameters.bind(node.values[0], valueCast)}`
        : `${sql} = any(${parameters.bind(node.values, `${valueCast}[]`)})`,
    );
  };
  visit(planCondition(condition, catalogue));
  return found;
}
