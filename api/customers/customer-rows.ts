import type { EntityManager } from '@mikro-orm/postgresql';
import { BindParams, boundQuery } from '../database/bound-query.ts';
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
  options: { liveness: Liveness; where?: (bind: BindParams) => string; limit?: number; lock?: boolean },
): Promise<CustomerRow[]> {
  const bind = new BindParams();
  const visible = customerScopeSql(scope, bind);
  const where = options.where?.(bind) ?? 'true';
  const limit = options.limit === undefined ? '' : `limit ${bind.add(options.limit)}`;
  const rows = await boundQuery<Record<string, unknown>>(
    em,
    `select c.* from customer c
     where ${livenessSql(options.liveness)} and ${visible} and (${where})
     order by c.id desc ${limit} ${options.lock === true ? 'for update of c' : ''}`,
    bind.values,
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
  const [row] = await visibleCustomerRows(em, scope, { liveness, where: (bind) => `c.id = ${bind.add(id)}`, lock });
  return row;
}
