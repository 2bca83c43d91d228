import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CustomerRow } from './customer-document.ts';
import { noSuchCustomer, sharedCustomerReadOnly } from './customer-problems.ts';
import { visibleCustomer } from './customer-rows.ts';
import { customerScopeOf } from './customer-visibility.ts';

/**
 * The customer a contact or contact record is written under, row-locked for the rest of the transaction so the
 * writes under one customer (a new primary contact, a phone checked for repeats, the activity counters) take turns
 * and the customer cannot go to the recycle bin halfway. 404 when the caller may not see it; 403 for a pool customer
 * when `editsCustomer` and the role may not edit shared customers (logging a call on a pool customer is fine).
 */
export async function customerForChildWrite(
  em: EntityManager,
  caller: SignedIn,
  customerId: number,
  editsCustomer: boolean,
): Promise<CustomerRow> {
  const customer = await visibleCustomer(em, customerScopeOf(caller), customerId, 'live', true);
  if (customer === undefined) throw noSuchCustomer(customerId);
  if (editsCustomer && customer.ownership === 'pool' && !caller.role.permissions.mayEditShared) {
    throw sharedCustomerReadOnly(caller.role.labels);
  }
  return customer;
}
