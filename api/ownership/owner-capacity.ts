import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';

/** How many more customers a user may own as primary owner: their role's maxOwnedCustomers against what they own. */
export interface OwnerCapacity {
  /** The role's maxOwnedCustomers; null: no limit. */
  limit: number | null;
  /** Live customers they own as primary owner now (only counted when there is a limit). */
  owned: number;
}

/**
 * The user's capacity, counted under a transaction-scoped advisory lock on them (key space 'stagecraft.owner-
 * capacity'), so claims by them and assignments to them take turns and can never push them past the limit. Call it
 * after locking the customer rows the command changes: every command that takes this lock locks its rows first, so
 * none holds the lock while waiting for a row another holds. No lock is taken when the role sets no limit.
 */
export async function lockedOwnerCapacity(em: EntityManager, userId: number): Promise<OwnerCapacity> {
  const [role] = await boundQuery<{ limit: number | null }>(
    em,
    `select (r.document->>'maxOwnedCustomers')::int as limit from app_user u join role r on r.key = u.role_key where u.id = $1`,
    [userId],
  );
  const limit = role?.limit ?? null;
  if (limit === null) return { limit: null, owned: 0 };
  await boundQuery(em, "select pg_advisory_xact_lock(hashtext('stagecraft.owner-capacity'), ($1::bigint % 2147483648)::int)", [userId]);
  const [row] = await boundQuery<{ owned: number }>(
    em,
    'select count(*)::int as owned from customer where owner_id = $1 and deleted_at is null',
    [userId],
  );
  return { limit, owned: row?.owned ?? 0 };
}

/** Customers the user may still gain as primary owner; Infinity without a limit. */
export function capacityLeft(capacity: OwnerCapacity): number {
  return capacity.limit === null ? Number.POSITIVE_INFINITY : Math.max(0, capacity.limit - capacity.owned);
}
