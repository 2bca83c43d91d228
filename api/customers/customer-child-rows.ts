import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName as OrmEntityName } from '@mikro-orm/core';
import { compileFactRowSelect, type EvaluationContext, type FactRow } from '../../engine/conditions/index.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { visibleCustomer } from './customer-rows.ts';
import type { CustomerScope } from './customer-visibility.ts';

/**
 * A live row of a table hanging off a customer (opportunity, sales_order, ticket) whose customer the scope sees — such
 * a record is visible exactly when its customer is. With `lock`, the customer's row is locked first and then the
 * record's: every command that touches both takes them in that order, so two of them never deadlock.
 * `table` is one of the code's own table names, never caller input.
 */
export async function visibleCustomerChild<Row>(
  em: EntityManager,
  entity: OrmEntityName<Row>,
  table: string,
  scope: CustomerScope,
  id: number,
  lock = false,
): Promise<Row | undefined> {
  const [link] = await boundQuery<{ customerId: number }>(
    em,
    `select customer_id::int as "customerId" from ${table} where id = $1 and deleted_at is null`,
    [id],
  );
  if (link === undefined) return undefined;
  const customer = await visibleCustomer(em, scope, link.customerId, 'live', lock);
  if (customer === undefined) return undefined;
  const [row] = await boundQuery<Record<string, unknown>>(
    em,
    `select * from ${table} where id = $1 and customer_id = $2 and deleted_at is null ${lock ? 'for update' : ''}`,
    [id, customer.id],
  );
  return row === undefined ? undefined : (em.map(entity as never, row) as Row);
}

/** The fact row of one live record of `table` (the catalogue's own table), as the machine's guards see it. */
export async function loadTableFactRow(
  em: EntityManager,
  catalogue: FactCatalogue,
  table: string,
  id: number,
  context: EvaluationContext,
): Promise<FactRow | undefined> {
  const select = compileFactRowSelect(catalogue, { context, tableAlias: 't' });
  const bind = new BindParams(select.params);
  const sql = `select ${select.sql} from ${table} as t where t.id = ${bind.add(id)} and t.deleted_at is null`;
  const [facts] = await boundQuery<FactRow>(em, sql, bind.values);
  return facts;
}
