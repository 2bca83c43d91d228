import type { EntityManager } from '@mikro-orm/postgresql';
import { visibleCustomerChild } from '../customers/customer-child-rows.ts';
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
  return visibleCustomerChild<OpportunityRow>(em, Opportunity, 'opportunity', scope, id, lock);
}
