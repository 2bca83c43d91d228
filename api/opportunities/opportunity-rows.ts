import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import type { CustomerScope } from '../customers/customer-visibility.ts';
import { Opportunity, type OpportunityRow } from './opportunity.entity.ts';

/**
 * A live opportunity whose customer the scope sees — an opportunity is visible exactly when its customer is. With
 * `lock`, the customer's row is locked first and then the opportunity's: every command that touches both (an
 * opportunity moving its customer, a customer pausing its opportunities) takes them in that order, so two of them
 * never deadlock.
 */
export async function visibleOpportunity(
  em: EntityManager,
  scope: CustomerScope,
  id: number,
  lock = false,
): Promise<OpportunityRow | undefined> {
  const [link] = await boundQuery<{ customerId: number }>(
    em,
    'select customer_id::int as "customerId" from opportunity where id = $1 and deleted_at is null',
    [id],
  );
  if (link === undefined) return undefined;
  const customer = await visibleCustomer(em, scope, link.customerId, 'live', lock);
  if (customer === undefined) return undefined;
  const [row] = await boundQuery<Record<string, unknown>>(
    em,
    `select * from opportunity where id = $1 and customer_id = $2 and deleted_at is null ${lock ? 'for update' : ''}`,
    [id, customer.id],
  );
  return row === undefined ? undefined : em.map(Opportunity, row);
}
