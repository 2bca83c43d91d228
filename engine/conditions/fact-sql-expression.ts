import type { FactDefinition, FactSource } from '../../definitions/fact-catalogue.schema.ts';
import type { Granularity } from './condition-values.ts';
import { customNumeralPattern, largestCustomNumber } from './read-fact-value.ts';
import { quoteIdentifier, type SqlParameters } from './sql-parameters.ts';

/** A fact as a SQL expression in the same comparable form the closure reads (see read-fact-value.ts). */
export interface FactSqlExpression {
  sql: string;
  /** The cast condition values get when compared with this expression. */
  valueCast: string;
  /** Whether '' counts as a value of this expression (text), so isEmpty must test for it. */
  isText: boolean;
}

const dayShapePattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const relatedAlias = quoteIdentifier('sc_related');

function sqlStringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function localDate(instantSql: string, parameters: SqlParameters): string {
  return `(${instantSql} AT TIME ZONE ${parameters.timeZone()})::date`;
}

function relatedRowsWhere(
  source: Extract<FactSource, { kind: 'countToday' | 'exists' }>,
  table: string,
  parameters: SqlParameters,
): string {
  const related = (column: string) => `${relatedAlias}.${quoteIdentifier(column)}`;
  const parts = [`${related(source.match.column)} = ${table}.${quoteIdentifier(source.match.rowColumn)}`];
  if (source.filter !== undefined) {
    parts.push(`${related(source.filter.column)} = any(${parameters.bind(source.filter.in, 'text[]')})`);
  }
  if (source.kind === 'countToday') {
    // Today as a half-open range of instants, so an index on the timestamp column serves it.
    const today = `date_trunc('day', ${parameters.now()} AT TIME ZONE ${parameters.timeZone()})`;
    parts.push(`${related(source.timestampColumn)} >= (${today} AT TIME ZONE ${parameters.timeZone()})`);
    parts.push(`${related(source.timestampColumn)} < ((${today} + interval '1 day') AT TIME ZONE ${parameters.timeZone()})`);
  }
  return parts.join(' and ');
}

/** The related-rows aggregate itself, for loading fact rows (compile-fact-row-select.ts) and for WHERE fragments. */
export function aggregateSql(
  source: Extract<FactSource, { kind: 'countToday' | 'exists' }>,
  table: string,
  parameters: SqlParameters,
): string {
  const from = `from ${quoteIdentifier(source.table)} as ${relatedAlias} where ${relatedRowsWhere(source, table, parameters)}`;
  return source.kind === 'exists' ? `exists (select 1 ${from})` : `(select count(*) ${from})`;
}

function customFieldSql(fact: FactDefinition, key: string, table: string): FactSqlExpression {
  // The key is written as a literal, not bound, so the expression matches the `custom_fields -> 'key'` expression
  // indexes the runtime creates for filtered fields; the catalogue pattern allows only [A-Za-z0-9_].
  const json = `(${table}."custom_fields" -> ${sqlStringLiteral(key)})`;
  const text = `(${table}."custom_fields" ->> ${sqlStringLiteral(key)})`;
  switch (fact.type) {
    case 'string':
    case 'enum':
      return { sql: `(case when jsonb_typeof(${json}) = 'string' then ${text} end)`, valueCast: 'text', isText: true };
    case 'number':
      // Nested CASEs fix the order: a cast must never see a value the test before it rejected.
      return {
        sql:
          `(case jsonb_typeof(${json}) ` +
          `when 'number' then case when abs((${json})::numeric) <= ${largestCustomNumber} then (${json})::float8 end ` +
          `when 'string' then case when ${text} ~ ${sqlStringLiteral(customNumeralPattern)} then (${text})::float8 end end)`,
        valueCast: 'float8',
        isText: false,
      };
    case 'boolean':
      return { sql: `(case when jsonb_typeof(${json}) = 'boolean' then (${json})::boolean end)`, valueCast: 'boolean', isText: false };
    case 'date':
      // Compared as 'YYYY-MM-DD' text in byte order: parsing could fail on a stored '2024-02-31'; the order is the same.
      return {
        sql: `(case when jsonb_typeof(${json}) = 'string' and ${text} ~ ${sqlStringLiteral(dayShapePattern)} then ${text} end) collate "C"`,
        valueCast: 'text',
        isText: false,
      };
    case 'datetime':
      throw new Error(`Fact ${fact.name}: date-time custom fields cannot be compared in SQL (their text may not parse).`);
  }
}

/** The fact's SQL expression over the entity table (or its alias), compared at the leaf's granularity. */
export function factSqlExpression(
  fact: FactDefinition,
  granularity: Granularity,
  table: string,
  parameters: SqlParameters,
): FactSqlExpression {
  const source = fact.source;
  switch (source.kind) {
    case 'customField':
      return customFieldSql(fact, source.key, table);
    case 'daysSince': {
      const column = `${table}.${quoteIdentifier(source.column)}`;
      return {
        sql: `(${localDate(parameters.now(), parameters)} - ${localDate(column, parameters)})`,
        valueCast: 'numeric',
        isText: false,
      };
    }
    case 'countToday':
      return { sql: aggregateSql(source, table, parameters), valueCast: 'numeric', isText: false };
    case 'exists':
      return { sql: `(${aggregateSql(source, table, parameters)})`, valueCast: 'boolean', isText: false };
    case 'column': {
      const column = `${table}.${quoteIdentifier(source.column)}`;
      switch (fact.type) {
        case 'string':
        case 'enum':
          return { sql: column, valueCast: 'text', isText: true };
        case 'number':
          return { sql: column, valueCast: 'numeric', isText: false };
        case 'boolean':
          return { sql: column, valueCast: 'boolean', isText: false };
        case 'date':
          return { sql: column, valueCast: 'date', isText: false };
        case 'datetime':
          return granularity === 'day'
            ? { sql: localDate(column, parameters), valueCast: 'date', isText: false }
            : { sql: column, valueCast: 'timestamptz', isText: false };
      }
    }
  }
}
