import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { publishedFields } from '../customers/published-definitions.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import type { ListLeadsQuery } from './lead-bodies.schema.ts';
import { leadAccessOf, leadView, type LeadRow } from './lead-document.ts';
import type { LeadView } from './lead-view.schema.ts';
import { leadScopeSql } from './lead-visibility.ts';

/** A page of the leads the caller sees, newest first, optionally of one status, campaign or owner. */
export async function listLeads(orm: MikroORM, caller: SignedIn, query: ListLeadsQuery): Promise<{ items: LeadView[]; nextCursor: number | null }> {
  const em = orm.em.fork();
  const bind = new BindParams();
  const where = [`l.deleted_at is null`, leadScopeSql(customerScopeOf(caller), bind)];
  if (query.status !== undefined) where.push(`l.status = ${bind.add(query.status)}`);
  if (query.campaignId !== undefined) where.push(`l.campaign_id = ${bind.add(query.campaignId)}`);
  if (query.ownerId !== undefined) where.push(`l.owner_id = ${bind.add(query.ownerId)}`);
  if (query.cursor !== undefined) where.push(`l.id < ${bind.add(query.cursor)}`);
  const limit = query.limit ?? 50;
  const rows = await boundQuery<LeadRow>(em, `select l.* from lead l where ${where.join(' and ')} order by l.id desc limit ${bind.add(limit + 1)}`, bind.values);
  const access = leadAccessOf(caller.role, await publishedFields(em, 'lead'));
  const page = rows.slice(0, limit);
  return { items: page.map((row) => leadView(row, access)), nextCursor: rows.length > limit ? Number(page[page.length - 1]!.id) : null };
}

/** One lead the caller sees, with its assignment explanation; undefined when there is none they may see. */
export async function findLead(orm: MikroORM, caller: SignedIn, id: number): Promise<LeadView | undefined> {
  const em = orm.em.fork();
  const bind = new BindParams([id]);
  const [row] = await boundQuery<LeadRow>(em, `select l.* from lead l where l.id = $1 and l.deleted_at is null and ${leadScopeSql(customerScopeOf(caller), bind)}`, bind.values);
  if (row === undefined) return undefined;
  return leadView(row, leadAccessOf(caller.role, await publishedFields(em, 'lead')));
}
