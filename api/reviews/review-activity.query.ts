import type { MikroORM } from '@mikro-orm/postgresql';
import { problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import type { ReviewActivityQuery, ReviewActivityView, ReviewBucket } from './review-activity.schema.ts';
import { reviewScopeOf, reviewScopeSql } from './review-scope.ts';

/** The longest period one request counts: a year of day buckets is 366 points per person, enough for a chart. */
const maxReviewDays = 366;

interface ActivityRow {
  user_id: string;
  display_name: string;
  team_id: string | null;
  bucket: string;
  new_customers: number;
  contact_records: number;
  opportunities: number;
  opportunity_amount: string;
  orders: number;
  order_amount: string;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function checkPeriod(from: string, to: string): void {
  const days = daysBetween(from, to);
  if (days < 0) throw validationFailed([problem('/query/to', 'before-from', `"to" (${to}) is before "from" (${from}).`, `结束日期（${to}）早于开始日期（${from}）。`)]);
  if (days >= maxReviewDays) {
    throw validationFailed([
      problem('/query/to', 'period-too-long', `At most ${maxReviewDays} days may be counted at once; ${days + 1} were asked.`, `一次最多统计 ${maxReviewDays} 天，本次请求了 ${days + 1} 天。`),
    ]);
  }
}

/**
 * Every event is put in the bucket of its local day in `tz` (the viewer's zone), and only those between the zone's
 * midnight starting `from` and the one ending `to` count. The period's instants bound each table's scan, so the
 * creation and occurrence indexes serve it; the grid of people × buckets keeps the zeros. Amounts stay numeric
 * text: money is summed exactly and never passes through a float.
 */
function activitySql(scopeSql: string, bind: (value: unknown) => string, period: { from: string; to: string; bucket: ReviewBucket; timeZone: string }): string {
  const from = bind(period.from);
  const to = bind(period.to);
  const unit = bind(period.bucket);
  const tz = bind(period.timeZone);
  const localBucket = (column: string) => `date_trunc(${unit}::text, ${column} at time zone ${tz}::text)::date`;
  const inPeriod = (column: string) => `${column} >= p.lo and ${column} < p.hi`;
  return `
    with p as (
      select (${from}::date)::timestamp at time zone ${tz}::text as lo, (${to}::date + 1)::timestamp at time zone ${tz}::text as hi
    ),
    people as (select u.id, u.display_name, u.team_id from app_user u where ${scopeSql}),
    buckets as (
      select generate_series(date_trunc(${unit}::text, (${from}::date)::timestamp), (${to}::date)::timestamp, ('1 ' || ${unit}::text)::interval)::date as bucket
    ),
    events as (
      select c.created_by as user_id, ${localBucket('c.created_at')} as bucket, 1 as customers, 0 as records, 0 as opportunities,
             0::numeric as opportunity_amount, 0 as orders, 0::numeric as order_amount
      from customer c, p where ${inPeriod('c.created_at')} and c.deleted_at is null and c.created_by in (select id from people)
      union all
      select r.author_id, ${localBucket('r.occurred_at')}, 0, 1, 0, 0, 0, 0
      from contact_record r, p where ${inPeriod('r.occurred_at')} and r.author_id in (select id from people)
      union all
      select o.owner_id, ${localBucket('o.created_at')}, 0, 0, 1, coalesce(o.amount, 0), 0, 0
      from opportunity o, p where ${inPeriod('o.created_at')} and o.deleted_at is null and o.owner_id in (select id from people)
      union all
      select s.owner_id, ${localBucket('s.created_at')}, 0, 0, 0, 0, 1, s.amount
      from sales_order s, p where ${inPeriod('s.created_at')} and s.deleted_at is null and s.owner_id in (select id from people)
    ),
    totals as (
      select user_id, bucket, sum(customers)::int as customers, sum(records)::int as records, sum(opportunities)::int as opportunities,
             sum(opportunity_amount) as opportunity_amount, sum(orders)::int as orders, sum(order_amount) as order_amount
      from events group by user_id, bucket
    )
    select u.id as user_id, u.display_name, u.team_id, to_char(b.bucket, 'YYYY-MM-DD') as bucket,
           coalesce(t.customers, 0) as new_customers, coalesce(t.records, 0) as contact_records,
           coalesce(t.opportunities, 0) as opportunities, to_char(coalesce(t.opportunity_amount, 0), 'FM999999999999990.00') as opportunity_amount,
           coalesce(t.orders, 0) as orders, to_char(coalesce(t.order_amount, 0), 'FM999999999999990.00') as order_amount
    from people u cross join buckets b
    left join totals t on t.user_id = u.id and t.bucket = b.bucket
    order by u.display_name, u.id, b.bucket`;
}

/** New customers, contact records, opportunities and orders per person per bucket, for the people the caller reviews. */
export async function reviewActivity(orm: MikroORM, caller: SignedIn, query: ReviewActivityQuery): Promise<ReviewActivityView> {
  checkPeriod(query.from, query.to);
  const scope = reviewScopeOf(caller, query.team);
  const bucket = query.bucket ?? 'day';
  const params = new BindParams();
  const bind = (value: unknown) => params.add(value);
  const sql = activitySql(reviewScopeSql(scope, bind), bind, { from: query.from, to: query.to, bucket, timeZone: caller.user.timeZone });
  const rows = await boundQuery<ActivityRow>(orm.em.fork(), sql, params.values);

  const people = new Map<number, ReviewActivityView['people'][number]>();
  const buckets = new Set<string>();
  for (const row of rows) {
    const userId = Number(row.user_id);
    if (!people.has(userId)) people.set(userId, { userId, displayName: row.display_name, teamId: row.team_id === null ? null : Number(row.team_id) });
    buckets.add(row.bucket);
  }
  return {
    from: query.from,
    to: query.to,
    bucket,
    timeZone: caller.user.timeZone,
    buckets: [...buckets],
    people: [...people.values()],
    rows: rows.map((row) => ({
      userId: Number(row.user_id),
      bucket: row.bucket,
      newCustomers: row.new_customers,
      contactRecords: row.contact_records,
      opportunities: row.opportunities,
      opportunityAmount: row.opportunity_amount,
      orders: row.orders,
      orderAmount: row.order_amount,
    })),
  };
}
