import type { EntityManager } from '@mikro-orm/postgresql';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { compileConditionToSql } from '../../engine/conditions/compile-condition-to-sql.ts';
import type { EvaluationContext } from '../../engine/conditions/evaluation-context.ts';
import { SqlParameters } from '../../engine/conditions/sql-parameters.ts';
import { compileKeysetOrder, type KeysetPosition } from '../../engine/lists/compile-keyset-order.ts';
import { encodeListCursor } from '../../engine/lists/list-cursor.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import type { ListRequest } from './list-request.ts';

/**
 * What makes one list: its table under an alias, the catalogue its filters and sorts use, and the conditions besides
 * the filter — the caller's visibility, liveness, the list's own older parameters — on that alias, values bound.
 */
export interface ListSource {
  table: string;
  alias: string;
  catalogue: FactCatalogue;
  conditions(bind: BindParams): string[];
}

/** Rows of one keyset read, without their sort keys, and the position of the last one. */
export interface ListRows {
  rows: Array<Record<string, unknown>>;
  /** Where the next read starts; undefined when this read reached the end. */
  next: KeysetPosition | undefined;
}

function whereSql(source: ListSource, request: ListRequest, context: EvaluationContext, bind: BindParams): string {
  const conditions = source.conditions(bind);
  if (request.filter !== undefined) {
    const fragment = compileConditionToSql(request.filter, source.catalogue, { firstParam: bind.values.length + 1, tableAlias: source.alias, context });
    bind.values.push(...fragment.params);
    conditions.push(fragment.sql);
  }
  return conditions.length === 0 ? 'true' : conditions.join(' and ');
}

/**
 * Up to `limit` rows of the source after `after` (from the start when undefined) in the request's order, filtered by
 * its condition compiled by the engine's one compiler. The export reads batch after batch through this too.
 */
export async function readListRows(
  em: EntityManager,
  source: ListSource,
  request: ListRequest,
  options: { after: KeysetPosition | undefined; limit: number; context: EvaluationContext },
): Promise<ListRows> {
  const bind = new BindParams();
  const where = whereSql(source, request, options.context, bind);
  const sortParameters = new SqlParameters(bind.values.length + 1, options.context);
  const order = compileKeysetOrder(request.sort, source.catalogue, { tableAlias: source.alias, parameters: sortParameters });
  const after = options.after === undefined ? 'true' : order.after(options.after);
  bind.values.push(...sortParameters.values);
  const rows = await boundQuery<Record<string, unknown>>(
    em,
    `select ${source.alias}.*${order.selectSql === '' ? '' : `, ${order.selectSql}`} from ${source.table} ${source.alias}
     where ${where} and ${after}
     order by ${order.orderBySql} limit ${bind.add(options.limit + 1)}`,
    bind.values,
  );
  const shown = rows.slice(0, options.limit);
  const last = shown.at(-1);
  const next =
    rows.length > options.limit && last !== undefined
      ? { values: order.keyColumns.map((key) => (last[key] ?? null) as string | null), id: Number(last['id']) }
      : undefined;
  for (const row of shown) for (const key of order.keyColumns) delete row[key];
  return { rows: shown, next };
}

/** How many rows of the source the request's filter selects in all. */
export async function countListRows(em: EntityManager, source: ListSource, request: ListRequest, context: EvaluationContext): Promise<number> {
  const bind = new BindParams();
  const where = whereSql(source, request, context, bind);
  const [counted] = await boundQuery<{ total: number }>(em, `select count(*)::int as total from ${source.table} ${source.alias} where ${where}`, bind.values);
  return counted!.total;
}

/** One page of a list for a client: its rows, the opaque cursor of the next page (null on the last) and the total. */
export async function readListPage(
  em: EntityManager,
  source: ListSource,
  request: ListRequest,
  options: { limit: number; context: EvaluationContext },
): Promise<{ rows: Array<Record<string, unknown>>; nextCursor: string | null; total: number }> {
  const { rows, next } = await readListRows(em, source, request, { after: request.after, limit: options.limit, context: options.context });
  const total = await countListRows(em, source, request, options.context);
  return { rows, nextCursor: next === undefined ? null : encodeListCursor(request.sortKey, next), total };
}
