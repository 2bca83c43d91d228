import type { MikroORM } from '@mikro-orm/postgresql';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import type { ListPage } from '../customers/list-customers.query.ts';
import { customerChildListSource } from '../lists/customer-child-list-source.ts';
import { readListRequest } from '../lists/list-request.ts';
import { readListPage, type ListSource } from '../lists/list-rows.ts';
import { listFieldAccess, recordListCatalogue } from '../lists/record-list-catalogue.ts';
import type { ListOpportunitiesQuery } from './opportunities.operations.ts';
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

/**
 * Live opportunities whose customer the caller sees (an opportunity is visible exactly when its customer is), of one
 * status when asked, as a list source. The export reads the same source.
 */
export function opportunityListSource(caller: SignedIn, catalogue: FactCatalogue, query: { status?: string }): ListSource {
  return customerChildListSource(caller, catalogue, { name: 'opportunity', alias: 'o' }, (bind) =>
    query.status === undefined ? [] : [`o.status = ${bind.add(query.status)}`],
  );
}

/** A page of every opportunity the caller sees, filtered and sorted like the customer list, with the total. */
export async function listOpportunities(orm: MikroORM, caller: SignedIn, query: ListOpportunitiesQuery): Promise<ListPage<OpportunityView>> {
  const em = orm.em.fork();
  const access = await listFieldAccess(em, 'opportunity', caller.role);
  const catalogue = await recordListCatalogue(em, 'opportunity', query.filter !== undefined || query.sort !== undefined);
  const request = readListRequest(query, catalogue, access, caller.role.labels);
  const page = await readListPage(em, opportunityListSource(caller, catalogue, query), request, {
    limit: query.limit ?? 50,
    context: { now: new Date(), timeZone: caller.user.timeZone },
  });
  return { items: page.rows.map((row) => opportunityDocument(em.map(Opportunity, row))), nextCursor: page.nextCursor, total: page.total };
}
