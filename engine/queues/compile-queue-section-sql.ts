import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { QueuePolicy } from '../../definitions/queue-policy.schema.ts';
import { compileConditionToSql, type SqlFragment } from '../conditions/compile-condition-to-sql.ts';
import { quoteIdentifier, SqlParameters } from '../conditions/sql-parameters.ts';
import { queueDayBoundaries } from './queue-day-boundaries.ts';
import { dueSql, queueFactSql, type DueSql } from './queue-due-sql.ts';
import type { QueuePosition } from './queue-position.ts';
import { queueSortKeys, sectionDueFact, type QueueSortKey } from './queue-sort-keys.ts';

export type BindValue = (value: unknown, cast: string) => string;

/**
 * Which rows of a section's entity are the caller's to work: decided by the API (ownership lives there), handed to
 * the engine as SQL over an alias with its values bound through `bind`.
 */
export interface QueueScope {
  where(alias: string, bind: BindValue): string;
  /** Extra output columns over the alias, e.g. the record's customer id. */
  columns?(alias: string): string[];
}

export interface QueueSectionQueryOptions {
  now: Date | number;
  timeZone: string;
  scope: QueueScope;
  /** Rows to return at most (ask one more than a page to learn whether another follows). */
  limit: number;
  /** Only items after this place in the section. */
  after?: QueuePosition;
}

/** A section's query; its rows are `{id, bucket, due, sort_keys, ...scope columns}` in section order. */
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
  const section = policy.sections[sectionIndex];
  if (section === undefined) throw new RangeError(`The policy has no section ${sectionIndex}.`);
  const context = { now: options.now, timeZone: options.timeZone };
  const parameters = new SqlParameters(1, context);
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
  const where = [options.scope.where(recordAlias, bind), condition(sectionIndex)];
  for (let index = 0; index < sectionIndex; index++) {
    if (policy.sections[index]!.entity === section.entity) where.push(`(not ${condition(index)})`);
  }

  const due = dueSql(dueFact, recordAlias, parameters, boundaries);
  const inner = keys.map((key) => keySql(key, recordAlias, due));
  const table = `${quoteIdentifier(catalogue.table)} as ${recordAlias}`;
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
      const from = `${quoteIdentifier(catalogue.table)} as ${anchorAlias}`;
      return `(select ${keySql(key, anchorAlias, anchorDue)} from ${from} where ${anchorAlias}."id" = ${anchorId} and ${options.scope.where(anchorAlias, bind)})`;
    });
    afterWhere = afterSql(outer, values, keys, { x: 's.id', v: anchorId });
  }
  const sql =
    `select s.id::text as id, s.bucket, s.due, array[${outer.map((column, index) => keyText(keys[index]!.kind, column)).join(', ')}]::text[] as sort_keys` +
    extra.map((_, index) => `, s.${extraAlias(extra[index]!)}`).join('') +
    ` from (${innerSql}) as s where ${afterWhere} order by ${order(outer, 's.id')} limit ${bind(options.limit, 'int')}`;
  return { sql, params: parameters.values, keys };
}

/** The output name of an extra column: the alias after its last ` as `. */
function extraAlias(column: string): string {
  const match = / as ([a-z_][a-z0-9_]*)$/.exec(column);
  if (match === null) throw new Error(`Queue scope column ${column} needs an alias: "<sql> as <name>".`);
  return match[1]!;
}
