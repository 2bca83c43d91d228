import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerRow } from './customer-document.ts';
import { customerScopeSql, type CustomerScope } from './customer-visibility.ts';
import { Customer } from './customer.entity.ts';

export type Liveness = 'live' | 'deleted' | 'any';

function livenessSql(liveness: Liveness): string {
  return liveness === 'live' ? 'c.deleted_at is null' : liveness === 'deleted' ? 'c.deleted_at is not null' : 'true';
}

/**
 * Customers in the caller's scope matching an extra condition on alias `c`, as entities of `em` (so a command can
 * change and flush them). `lock` takes their row locks for the rest of the transaction.
 */
export async function visibleCustomerRows(
  em: EntityManager,
  scope: CustomerScope,
  options: { liveness: Liveness; where?: { sql: string; params: unknown[] }; limit?: number; lock?: boolean },
): Promise<CustomerRow[]> {
  const visible = customerScopeSql(scope);
  const where = options.where ?? { sql: 'true', params: [] };
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `select c.* from customer c
     where ${livenessSql(options.liveness)} and ${visible.sql} and (${where.sql})
     order by c.id desc ${options.limit === undefined ? '' : 'limit ?'} ${options.lock === true ? 'for update of c' : ''}`,
    [...visible.params, ...where.params, ...(options.limit === undefined ? [] : [options.limit])],
  );
  return rows.map((row) => em.map(Customer, row));
}

/** One customer in the caller's scope, or undefined: a customer they may not see does not exist for them. */
export async function visibleCustomer(
  em: EntityManager,
  scope: CustomerScope,
  id: number,
  liveness: Liveness,
  lock = false,
): Promise<CustomerRow | undefined> {
  const [row] = await visibleCustomerRows(em, scope, { liveness, where: { sql: 'c.id = ?', params: [id] }, lock });
  return row;
}
