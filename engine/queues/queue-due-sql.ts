import type { FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import { factSqlExpression } from '../conditions/fact-sql-expression.ts';
import type { SqlParameters } from '../conditions/sql-parameters.ts';
import type { QueueDayBoundaries } from './queue-day-boundaries.ts';

/** A fact as the queue compares and orders it: date-times as instants, dates as days, the rest as they are. */
export function queueFactSql(fact: FactDefinition, alias: string, parameters: SqlParameters) {
  const granularity = fact.type === 'datetime' ? 'instant' : fact.type === 'date' ? 'day' : 'plain';
  return factSqlExpression(fact, granularity, alias, parameters);
}

export interface DueSql {
  /** The due fact over the alias. */
  due: string;
  /** True when the item is due before today (never NULL). */
  overdue(): string;
  /** 'overdue' | 'today' | … | 'noDate': the bucket, tested in queueBucketOf's order. */
  bucket(): string;
}

/**
 * The due fact of a section over `alias`, with its bucket. Boundaries are bound as instants for a date-time fact and
 * as 'YYYY-MM-DD' days for a date fact, so both compare in the type of the fact's own expression.
 */
export function dueSql(dueFact: FactDefinition, alias: string, parameters: SqlParameters, boundaries: QueueDayBoundaries): DueSql {
  const expression = queueFactSql(dueFact, alias, parameters);
  const due = expression.sql;
  const instant = dueFact.type === 'datetime';
  // Each boundary is bound when first used: PostgreSQL refuses a statement with a parameter it never sees.
  const placeholders = new Map<string, string>();
  const bound = (ms: number, day: string) => {
    let placeholder = placeholders.get(day);
    if (placeholder === undefined) {
      placeholder = instant ? parameters.bind(new Date(ms).toISOString(), 'timestamptz') : parameters.bind(day, expression.valueCast);
      placeholders.set(day, placeholder);
    }
    return placeholder;
  };
  const { days } = boundaries;
  const today = () => bound(boundaries.todayStart, days.today);
  return {
    due,
    overdue: () => `coalesce(${due} < ${today()}, false)`,
    bucket: () =>
      `(case when ${due} is null then 'noDate' when ${due} < ${today()} then 'overdue' ` +
      `when ${due} < ${bound(boundaries.tomorrowStart, days.tomorrow)} then 'today' ` +
      `when ${due} < ${bound(boundaries.dayAfterTomorrowStart, days.dayAfterTomorrow)} then 'tomorrow' ` +
      `when ${due} < ${bound(boundaries.nextWeekStart, days.nextWeek)} then 'thisWeek' ` +
      `when ${due} < ${bound(boundaries.weekAfterNextStart, days.weekAfterNext)} then 'nextWeek' else 'later' end)`,
  };
}

/** Whether an instant column lies within today: the half-open range of instants, as countToday facts compile it. */
export function withinTodaySql(instantSql: string, parameters: SqlParameters, boundaries: QueueDayBoundaries): string {
  const from = parameters.bind(new Date(boundaries.todayStart).toISOString(), 'timestamptz');
  const to = parameters.bind(new Date(boundaries.tomorrowStart).toISOString(), 'timestamptz');
  return `coalesce(${instantSql} >= ${from} and ${instantSql} < ${to}, false)`;
}
