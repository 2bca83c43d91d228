import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import type { QueuePolicy } from '../../definitions/queue-policy.schema.ts';
import { factByName } from '../conditions/catalogue-facts.ts';
import type { SqlFragment } from '../conditions/compile-condition-to-sql.ts';
import { quoteIdentifier, SqlParameters } from '../conditions/sql-parameters.ts';
import { QueueCommonTables, queueScopeFrom, type QueueScope } from './queue-scope.ts';
import { queueDayBoundaries } from './queue-day-boundaries.ts';
import { dueSql, queueFactSql, withinTodaySql } from './queue-due-sql.ts';
import { QueuePolicyError } from './queue-sort-keys.ts';

/** The customer fact "contacted today" reads: the work line's fifth column (seed 001). */
export const contactedFactName = 'lastContactAt';

function requiredFact(catalogue: FactCatalogue, name: string, types: readonly string[], role: string): FactDefinition {
  const fact = factByName(catalogue, name);
  if (fact === undefined || !types.includes(fact.type)) {
    throw new QueuePolicyError(`The ${catalogue.entity} catalogue has no ${types.join(' or ')} fact "${name}" for the ${role}.`);
  }
  return fact;
}

/** The catalogue's machine-state fact (the customer's stage). */
export function stageFactOf(catalogue: FactCatalogue): FactDefinition {
  const fact = catalogue.facts.find((candidate) => candidate.machineState === true);
  if (fact === undefined) throw new QueuePolicyError(`The ${catalogue.entity} catalogue has no machine-state fact.`);
  return fact;
}

/**
 * The counts of the work-line grid in one statement over the caller's customers: per stage and bucket of the
 * policy's due fact, how many customers, and how many of them were contacted today — days of the caller's zone.
 * Rows: `{stage, bucket, items, contacted}`.
 */
export function compileQueueStageCountsSql(
  policy: QueuePolicy,
  customerCatalogue: FactCatalogue,
  options: { now: Date | number; timeZone: string; scope: QueueScope },
): SqlFragment {
  const parameters = new SqlParameters(1, { now: options.now, timeZone: options.timeZone });
  const boundaries = queueDayBoundaries(options.now, options.timeZone, policy.weekStartsOn ?? 1);
  const alias = quoteIdentifier('q');
  const stage = queueFactSql(stageFactOf(customerCatalogue), alias, parameters).sql;
  const due = dueSql(requiredFact(customerCatalogue, policy.dueFact, ['date', 'datetime'], 'due date'), alias, parameters, boundaries);
  const contactedAt = queueFactSql(requiredFact(customerCatalogue, contactedFactName, ['datetime'], 'last contact'), alias, parameters).sql;
  const contacted = withinTodaySql(contactedAt, parameters, boundaries);
  const bind = (value: unknown, cast: string) => parameters.bind(value, cast);
  const tables = new QueueCommonTables(bind);
  tables.use(options.scope);
  const from = queueScopeFrom(options.scope, customerCatalogue.table, alias, bind);
  const scope = options.scope.where(alias, bind);
  const sql =
    `${tables.withClause()}select s.stage, s.bucket, count(*)::int as items, (count(*) filter (where s.contacted))::int as contacted ` +
    `from (select ${stage} as stage, ${due.bucket()} as bucket, ${contacted} as contacted ` +
    `from ${from} where ${scope}) as s group by s.stage, s.bucket`;
  return { sql, params: parameters.values };
}
