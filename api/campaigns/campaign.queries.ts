import type { MikroORM } from '@mikro-orm/postgresql';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import type { CampaignStats, CampaignView, ListCampaignsQuery } from './campaign-bodies.schema.ts';
import { noSuchCampaign } from './campaign-problems.ts';
import { campaignColumns, campaignView, type CampaignRow } from './campaign-row.ts';

/** Live campaigns, newest first, a page at a time. Campaigns are not owned records: everyone signed in sees them all. */
export async function listCampaigns(orm: MikroORM, query: ListCampaignsQuery): Promise<{ items: CampaignView[]; nextCursor: number | null }> {
  const bind = new BindParams();
  const where = ['deleted_at is null'];
  if (query.cursor !== undefined) where.push(`id < ${bind.add(query.cursor)}`);
  if (query.channel !== undefined) where.push(`channel = ${bind.add(query.channel)}`);
  const limit = query.limit ?? 50;
  const rows = await boundQuery<CampaignRow>(
    orm.em.fork(),
    `select ${campaignColumns} from campaign where ${where.join(' and ')} order by id desc limit ${bind.add(limit + 1)}`,
    bind.values,
  );
  const items = rows.slice(0, limit).map(campaignView);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export async function findCampaign(orm: MikroORM, id: number): Promise<CampaignView> {
  const [row] = await boundQuery<CampaignRow>(orm.em.fork(), `select ${campaignColumns} from campaign where id = $1 and deleted_at is null`, [id]);
  if (row === undefined) throw noSuchCampaign(id);
  return campaignView(row);
}

/**
 * Lead counts by status, conversions and linked customers, counted by PostgreSQL in one statement (the
 * lead_campaign_index covers the lead side). Counts are of every live lead of the campaign, whoever owns it: they
 * are totals a rep could not use to find a record they may not see.
 */
export async function campaignStats(orm: MikroORM, id: number): Promise<CampaignStats> {
  const [row] = await boundQuery<{ cost: string; leads: number; by_status: Record<string, number>; converted: number; customers: number }>(
    orm.em.fork(),
    `with c as (select id, cost from campaign where id = $1 and deleted_at is null),
     s as (
       select l.status, count(*)::int as n, count(*) filter (where l.converted_at is not null)::int as converted
       from lead l where l.campaign_id = $1 and l.deleted_at is null group by l.status
     )
     select c.cost,
            coalesce((select sum(n) from s), 0)::int as leads,
            coalesce((select jsonb_object_agg(status, n) from s), '{}'::jsonb) as by_status,
            coalesce((select sum(converted) from s), 0)::int as converted,
            (select count(*)::int from customer cu where cu.campaign_id = c.id and cu.deleted_at is null) as customers
     from c`,
    [id],
  );
  if (row === undefined) throw noSuchCampaign(id);
  const cost = Number(row.cost);
  return {
    campaignId: id,
    leads: row.leads,
    byStatus: row.by_status,
    converted: row.converted,
    conversionRate: row.leads === 0 ? null : row.converted / row.leads,
    customers: row.customers,
    cost,
    costPerLead: row.leads === 0 ? null : Math.round((cost / row.leads) * 100) / 100,
  };
}
