import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';

/**
 * The customers among `customerIds` that a recycle sweep took from `userId` and that they may not claim back yet,
 * each with the instant it becomes claimable for them (the latest, should several sweeps have taken it). Written by
 * the sweep into `recycled_customer` (api/recycling); a cool-down binds only the owner it was taken from.
 */
export async function claimCoolDowns(
  em: EntityManager,
  userId: number,
  customerIds: readonly number[],
  now: Date,
): Promise<Map<number, Date>> {
  const rows = await boundQuery<{ customer_id: number; claimable_at: Date }>(
    em,
    `select customer_id::int as customer_id, max(claimable_at) as claimable_at from recycled_customer
     where owner_id = $1 and customer_id = any($2::bigint[]) and claimable_at > $3::timestamptz
     group by customer_id`,
    [userId, customerIds, now.toISOString()],
  );
  return new Map(rows.map((row) => [row.customer_id, new Date(row.claimable_at)]));
}
