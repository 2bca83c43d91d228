import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { QueuePolicy } from '../../definitions/queue-policy.schema.ts';
import { compileConditionToSql, type SqlFragment } from '../conditions/compile-condition-to-sql.ts';
import { quoteIdentifier, SqlParameters } from '../conditions/sql-parameters.ts';
import { queueDayBoundaries } from './queue-day-boundaries.ts';
import { dueSql, queueFactSql, type DueSql } from './queue-due-sql.ts';
import { indexableConditionsSql } from './queue-index-conditions.ts';
import type { QueuePosition } from './queue-position.ts';
import { QueueCommonTables, queueScopeFrom, type BindValue, type QueueScope } from './queue-scope.ts';
import { queueSortKeys, sectionDueFact, type QueueSortKey } from './queue-sort-keys.ts';

export interface QueueSectionQueryOptions {
  now: Date | number;
  timeZone: string;
  scope: QueueScope;
  /** Rows to return at most (ask one more than a page to learn whether another follows). */
  limit: number;
  /** Only items after this place in the section. */
  after?: QueuePosition;
}

/**
 * A section's query; its rows are `{id, bucket, due, sort_keys, ...scope columns}` in section order, `due` as the
 * text PostgreSQL writes the value in (so sections with date and date-time due facts fit one UNION).
 */
export interface QueueSectionQuery extends SqlFragment {
  keys: QueueSortKey[];
}

const recordAlias = quoteIdentifier('q');
const anchorAlias = quoteIdentifier('queue_anchor');

/** The text a key value travels as: instants in whole microseconds since 1970, so no precision is lost. */
function keyText(kind: QueueSortKey['kind'], sql: string): string {
  return kind === 'instant' ? `(extract(epoch from ${sql}) * 1000000)::bigint::text` : `(${sql})::text`;
}

function keyValue(kind: QueueSortKey['kind'], text: string | null, bind: BindValue): string {
  if (kind === 'instant') return `(timestamptz 'epoch' + ${bind(text, 'bigint')} * interval '1 microsecond')`;
  return bind(text, kind === 'rank' ? 'int' : kind);
}

function strictlyAfter(x: string, v: string, key: QueueSortKey): string {
  const op = key.direction === 'asc' ? '>' : '<';
  if (!key.nullable) return `coalesce(${x} ${op} ${v}, false)`;
  if (key.nulls === 'last') return `coalesce(${v} is not null and (${x} is null or ${x} ${op} ${v}), false)`;
  return `coalesce((${v} is null and ${x} is not null) or ${x} ${op} ${v}, false)`;
}

/** Rows ordered after (v1, …, vn, id) under the keys' directions and null placement, as one boolean. */
function afterSql(columns: readonly string[], values: readonly string[], keys: readonly QueueSortKey[], id: { x: string; v: string }): string {
  let sql = `${id.x} > ${id.v}`;
  for (let index = keys.length - 1; index >= 0; index--) {
    const [x, v, key] = [columns[index]!, values[index]!, keys[index]!];
    sql = `(${strictlyAfter(x, v, key)} or (${x} is not distinct from ${v} and ${sql}))`;
  }
  return sql;
}

/**
 * One section of the work line as one set-based statement over the caller's rows: the section's condition and none
 * of the earlier same-entity sections' (a record shows in the first section it meets), ordered by the overdue rank
 * and the section's keys then the id, capped at the section's limit, and keyset-paged after a position. Every value
 * is bound; only catalogue identifiers reach the text. Throws InvalidConditionError / QueuePolicyError for a policy
 * the catalogue does not accept.
 */
export function compileQueueSectionSql(
  policy: QueuePolicy,
  sectionIndex: number,
  catalogue: FactCatalogue,
  options: QueueSectionQueryOptions,
): QueueSectionQuery {
  const parameters = new SqlParameters(1, { now: options.now, timeZone: options.timeZone });
  const tables = new QueueCommonTables((value, cast) => parameters.bind(value, cast));
  const { sql, keys } = sectionStatement(policy, sectionIndex, catalogue, options, parameters, tables);
  return { sql: tables.withClause() + sql, params: parameters.values, keys };
}

export interface QueueSectionsRequest {
  sectionIndex: number;
  catalogue: FactCatalogue;
  scope: QueueScope;
  limit: number;
  after?: QueuePosition;
}

/** Several sections' queries as one statement; its rows carry `section_index` and come section by section. */
export interface QueueSectionsQuery extends SqlFragment {
  keys: Map<number, QueueSortKey[]>;
}

/**
 * Several sections in one statement (one round trip, one plan, the scopes' common tables read once): each section's
 * query as {@link compileQueueSectionSql} builds it, numbered by its place in the section's order, the sections glued
 * with UNION ALL and the whole ordered by section and place — the order of the rows is stated, not left to the plan.
 */
export function compileQueueSectionsSql(
  policy: QueuePolicy,
  requests: readonly QueueSectionsRequest[],
  options: { now: Date | number; timeZone: string },
): QueueSectionsQuery {
  if (requests.length === 0) throw new RangeError('compileQueueSectionsSql needs at least one section.');
  const parameters = new SqlParameters(1, { now: options.now, timeZone: options.timeZone });
  const tables = new QueueCommonTables((value, cast) => parameters.bind(value, cast));
  const keys = new Map<number, QueueSortKey[]>();
  const parts = requests.map((request) => {
    const statement = sectionStatement(
      policy,
      request.sectionIndex,
      request.catalogue,
      { ...options, scope: request.scope, limit: request.limit, ...(request.after === undefined ? {} : { after: request.after }) },
      parameters,
      tables,
      request.sectionIndex,
    );
    keys.set(request.sectionIndex, statement.keys);
    return `(${statement.sql})`;
  });
  const sql = `${tables.withClause()}select * from (${parts.join(' union all ')}) as sections order by section_index, place`;
  return { sql, params: parameters.values, keys };
}

/** A section's statement with its values bound into `parameters`; numbered (section_index, place) when asked. */
function sectionStatement(
  policy: QueuePolicy,
  sectionIndex: number,
  catalogue: FactCatalogue,
  options: QueueSectionQueryOptions,
  parameters: SqlParameters,
  tables: QueueCommonTables,
  numberAs?: number,
): { sql: string; keys: QueueSortKey[] } {
  const section = policy.sections[sectionIndex];
  if (section === undefined) throw new RangeError(`The policy has no section ${sectionIndex}.`);
  const context = { now: options.now, timeZone: options.timeZone };
  const bind: BindValue = (value, cast) => parameters.bind(value, cast);
  const boundaries = queueDayBoundaries(options.now, options.timeZone, policy.weekStartsOn ?? 1);
  const keys = queueSortKeys(policy, section, catalogue);
  const dueFact = sectionDueFact(policy, section, catalogue);

  const keySql = (key: QueueSortKey, alias: string, due: DueSql) =>
    key.fact === undefined ? `(case when ${due.overdue()} then 0 else 1 end)` : queueFactSql(key.fact, alias, parameters).sql;

  const condition = (index: number) => {
    const fragment = compileConditionToSql(policy.sections[index]!.condition, catalogue, {
      firstParam: parameters.values.length + 1,
      tableAlias: 'q',
      context,
    });
    parameters.values.push(...fragment.params);
    return fragment.sql;
  };
  tables.use(options.scope);
  const table = queueScopeFrom(options.scope, catalogue.table, recordAlias, bind);
  const where = [
    options.scope.where(recordAlias, bind),
    condition(sectionIndex),
    ...indexableConditionsSql(section.condition, catalogue, recordAlias, parameters),
  ];
  for (let index = 0; index < sectionIndex; index++) {
    if (policy.sections[index]!.entity === section.entity) where.push(`(not ${condition(index)})`);
  }

  const due = dueSql(dueFact, recordAlias, parameters, boundaries);
  const inner = keys.map((key) => keySql(key, recordAlias, due));
  const order = (columns: readonly string[], id: string) =>
    [...columns.map((column, index) => `${column} ${keys[index]!.direction} nulls ${keys[index]!.nulls}`), `${id} asc`].join(', ');
  const extra = options.scope.columns?.(recordAlias) ?? [];
  const cap = section.limit === undefined ? '' : ` order by ${order(inner, `${recordAlias}."id"`)} limit ${bind(section.limit, 'int')}`;
  const innerSql =
    `select ${recordAlias}."id" as id, ${due.bucket()} as bucket, ${due.due} as due` +
    inner.map((sql, index) => `, ${sql} as k${index}`).join('') +
    extra.map((sql) => `, ${sql}`).join('') +
    ` from ${table} where ${where.join(' and ')}${cap}`;

  const outer = keys.map((_, index) => `s.k${index}`);
  let afterWhere = 'true';
  if (options.after !== undefined) {
    const anchorDue = dueSql(dueFact, anchorAlias, parameters, boundaries);
    const anchorId = bind(options.after.id, 'bigint');
    const values = keys.map((key, index) => {
      const carried = options.after!.keys?.[index];
      if (carried !== undefined) return keyValue(key.kind, carried, bind);
      // Not carried: the item's current value, read only if the item is still the caller's.
      const from = queueScopeFrom(options.scope, catalogue.table, anchorAlias, bind);
      return `(select ${keySql(key, anchorAlias, anchorDue)} from ${from} where ${anchorAlias}."id" = ${anchorId} and ${options.scope.where(anchorAlias, bind)})`;
    });
    afterWhere = afterSql(outer, values, keys, { x: 's.id', v: anchorId });
  }
  const numbered = numberAs === undefined ? '' : `, ${bind(numberAs, 'int')} as section_index, row_number() over (order by ${order(outer, 's.id')}) as place`;
  const sql =
    `select s.id::text as id, s.bucket, s.due::text as due, array[${outer.map((column, index) => keyText(keys[index]!.kind, column)).join(', ')}]::text[] as sort_keys` +
    extra.map((_, index) => `, s.${extraAlias(extra[index]!)}`).join('') +
    numbered +
    ` from (${innerSql}) as s where ${afterWhere} order by ${order(outer, 's.id')} limit ${bind(options.limit, 'int')}`;
  return { sql, keys };
}

/** The output name of an extra column: the alias after its last ` as `. */
function extraAlias(column: string): string {
  const match = / as ([a-z_][a-z0-9_]*)$/.exec(column);
  if (match === null) throw new Error(`Queue scope column ${column} needs an alias: "<sql> as <name>".`);
  return match[1]!;
}
