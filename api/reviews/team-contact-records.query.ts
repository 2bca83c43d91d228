import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import type { TeamContactRecord, TeamContactRecordsQuery } from './review-lists.schema.ts';
import { reviewScopeOf, reviewScopeSql } from './review-scope.ts';

interface RecordRow {
  id: string;
  customer_id: string;
  customer_name: string;
  customer_stage: string;
  author_id: string;
  channel: string;
  outcome: string;
  notes: string;
  occurred_at: Date;
  next_follow_up_at: Date | null;
}

/**
 * The contact records of the people the caller reviews (themself, their team, everyone), newest contact first, one
 * keyset page at a time: a manager reads what their reps said on any customer, the one they still own or not. Days
 * are the caller's (midnight to midnight in their zone).
 */
export async function teamContactRecords(
  orm: MikroORM,
  caller: SignedIn,
  query: TeamContactRecordsQuery,
): Promise<{ items: TeamContactRecord[]; nextCursor: string | null }> {
  const bind = new BindParams();
  const add = (value: unknown) => bind.add(value);
  const conditions = [`r.author_id in (select u.id from app_user u where ${reviewScopeSql(reviewScopeOf(caller, undefined), add)})`];
  const zone = () => `${add(caller.user.timeZone)}::text`;
  if (query.author !== undefined) conditions.push(`r.author_id = ${add(query.author)}::bigint`);
  if (query.from !== undefined) conditions.push(`r.occurred_at >= (${add(query.from)}::date)::timestamp at time zone ${zone()}`);
  if (query.to !== undefined) conditions.push(`r.occurred_at < (${add(query.to)}::date + 1)::timestamp at time zone ${zone()}`);
  if (query.cursor !== undefined) {
    const [at, id] = query.cursor.split('_') as [string, string];
    conditions.push(`(r.occurred_at, r.id) < (${add(at)}::timestamptz, ${add(id)}::bigint)`);
  }
  const limit = query.limit ?? 50;
  const rows = await boundQuery<RecordRow>(
    orm.em.fork(),
    `select r.id, r.customer_id, c.name as customer_name, c.stage as customer_stage, r.author_id, r.channel, r.outcome, r.notes,
            r.occurred_at, r.next_follow_up_at
     from contact_record r join customer c on c.id = r.customer_id and c.deleted_at is null
     where ${conditions.join(' and ')}
     order by r.occurred_at desc, r.id desc limit ${add(limit + 1)}`,
    bind.values,
  );
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => ({
      id: Number(row.id),
      customerId: Number(row.customer_id),
      customerName: row.customer_name,
      customerStage: row.customer_stage,
      authorId: Number(row.author_id),
      channel: row.channel,
      outcome: row.outcome,
      notes: row.notes,
      occurredAt: new Date(row.occurred_at).toISOString(),
      nextFollowUpAt: row.next_follow_up_at === null ? null : new Date(row.next_follow_up_at).toISOString(),
    })),
    nextCursor: rows.length > limit && last !== undefined ? `${new Date(last.occurred_at).toISOString()}_${last.id}` : null,
  };
}
