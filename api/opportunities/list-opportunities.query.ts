import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { opportunityDocument, type OpportunityView } from './opportunity-document.ts';
import { visibleOpportunity } from './opportunity-rows.ts';
import { Opportunity } from './opportunity.entity.ts';

/** A customer's live opportunities, newest first; undefined when the caller may not see the customer. */
export async function listCustomerOpportunities(orm: MikroORM, caller: SignedIn, customerId: number): Promise<OpportunityView[] | undefined> {
  const em = orm.em.fork();
  if ((await visibleCustomer(em, customerScopeOf(caller), customerId, 'live')) === undefined) return undefined;
  const rows = await em.find(Opportunity, { customerId, deletedAt: null }, { orderBy: { id: 'desc' } });
  return rows.map(opportunityDocument);
}

/** One opportunity whose customer the caller sees. */
export async function findOpportunity(orm: MikroORM, caller: SignedIn, id: number): Promise<OpportunityView | undefined> {
  const row = await visibleOpportunity(orm.em.fork(), customerScopeOf(caller), id);
  return row === undefined ? undefined : opportunityDocument(row);
}
