import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { publishedFields } from '../customers/published-definitions.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { ListPage } from '../customers/list-customers.query.ts';
import { readListRequest } from '../lists/list-request.ts';
import { readListPage, type ListSource } from '../lists/list-rows.ts';
import { listFieldAccess, recordListCatalogue } from '../lists/record-list-catalogue.ts';
import type { ListLeadsQuery } from './lead-bodies.schema.ts';
import { leadAccessOf, leadView, type LeadRow } from './lead-document.ts';
import type { LeadView } from './lead-view.schema.ts';
import { leadScopeSql } from './lead-visibility.ts';

/**
 * The leads the caller sees as a list source: live ones in their scope, narrowed by the older `status`, `campaignId`
 * and `ownerId` parameters. The export reads the same source.
 */
export function leadListSource(caller: SignedIn, catalogue: FactCatalogue, query: { status?: string; campaignId?: number; ownerId?: number }): ListSource {
  return {
    table: 'lead',
    alias: 'l',
    catalogue,
    conditions(bind) {
      const where = [`l.deleted_at is null`, leadScopeSql(customerScopeOf(caller), bind)];
      if (query.status !== undefined) where.push(`l.status = ${bind.add(query.status)}`);
      if (query.campaignId !== undefined) where.push(`l.campaign_id = ${bind.add(query.campaignId)}`);
      if (query.ownerId !== undefined) where.push(`l.owner_id = ${bind.add(query.ownerId)}`);
      return where;
    },
  };
}

/**
 * A page of the leads the caller sees, newest first unless `sort` says otherwise, optionally of one status, campaign
 * or owner and filtered by a condition over the lead facts, with the total the filters select.
 */
export async function listLeads(orm: MikroORM, caller: SignedIn, query: ListLeadsQuery): Promise<ListPage<LeadView>> {
  const em = orm.em.fork();
  const access = await listFieldAccess(em, 'lead', caller.role);
  const catalogue = await recordListCatalogue(em, 'lead', query.filter !== undefined || query.sort !== undefined);
  const request = readListRequest(query, catalogue, access, caller.role.labels);
  const page = await readListPage(em, leadListSource(caller, catalogue, query), request, {
    limit: query.limit ?? 50,
    context: { now: new Date(), timeZone: caller.user.timeZone },
  });
  return { items: page.rows.map((row) => leadView(row as unknown as LeadRow, access)), nextCursor: page.nextCursor, total: page.total };
}

/** One lead the caller sees, with its assignment explanation; undefined when there is none they may see. */
export async function findLead(orm: MikroORM, caller: SignedIn, id: number): Promise<LeadView | undefined> {
  const em = orm.em.fork();
  const bind = new BindParams([id]);
  const [row] = await boundQuery<LeadRow>(em, `select l.* from lead l where l.id = $1 and l.deleted_at is null and ${leadScopeSql(customerScopeOf(caller), bind)}`, bind.values);
  if (row === undefined) return undefined;
  return leadView(row, leadAccessOf(caller.role, await publishedFields(em, 'lead')));
}
