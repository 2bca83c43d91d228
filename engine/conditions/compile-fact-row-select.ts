import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { EvaluationContext } from './evaluation-context.ts';
import { aggregateSql } from './fact-sql-expression.ts';
import type { SqlFragment } from './compile-condition-to-sql.ts';
import { quoteIdentifier, SqlParameters, type SqlClock } from './sql-parameters.ts';

/**
 * The select list that loads fact rows: the entity's columns plus each aggregate the catalogue names (claims
 * today, an open opportunity…) under its aggregateColumn, computed by the same SQL the WHERE compilation uses, so
 * a record judged in memory sees what a sweep in SQL would. The instant and time zone are `context`'s, bound, or
 * `clock`'s SQL (one statement reading records at different instants).
 */
export function compileFactRowSelect(
  catalogue: FactCatalogue,
  options: { context?: EvaluationContext; clock?: SqlClock; firstParam?: number; tableAlias?: string },
): SqlFragment {
  const parameters = new SqlParameters(options.firstParam ?? 1, options.context, options.clock);
  const table = quoteIdentifier(options.tableAlias ?? catalogue.table);
  const columns = [`${table}.*`];
  const named = new Set<string>();
  for (const { source } of catalogue.facts) {
    if ((source.kind === 'countToday' || source.kind === 'exists') && !named.has(source.aggregateColumn)) {
      named.add(source.aggregateColumn);
      columns.push(`${aggregateSql(source, table, parameters)} as ${quoteIdentifier(source.aggregateColumn)}`);
    }
  }
  return { sql: columns.join(', '), params: parameters.values };
}
