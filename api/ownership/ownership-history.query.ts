import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { PageQuery } from '../customers/customer-bodies.schema.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import type { Page } from '../customers/list-customers.query.ts';
import type { OwnershipAction } from '../customers/ownership-event.entity.ts';
import type { OwnershipEventView } from './ownership-view.schema.ts';

const defaultLimit = 50;

/**
 * Who owned the customer and how that changed (操作人转变记录), oldest first, a page at a time; undefined when the
 * caller may not see the customer. A customer in the recycle bin keeps its history readable, like its audit trail.
 */
export async function ownershipHistory(
  orm: MikroORM,
  caller: SignedIn,
  customerId: number,
  query: PageQuery,
): Promise<Page<OwnershipEventView> | undefined> {
  const em = orm.em.fork();
  if ((await visibleCustomer(em, customerScopeOf(caller), customerId, 'any')) === undefined) return undefined;
  const limit = query.limit ?? defaultLimit;
  const rows = await boundQuery<{ id: number; action: OwnershipAction; owner_id: number | null; actor_id: number | null; occurred_at: Date; reason: string | null }>(
    em,
    `select id::int as id, action, owner_id::int as owner_id, actor_id::int as actor_id, occurred_at, reason
     from ownership_event where customer_id = $1 and id > $2 order by id limit $3`,
    [customerId, query.cursor ?? 0, limit + 1],
  );
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    action: row.action,
    ownerId: row.owner_id,
    actorId: row.actor_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    reason: row.reason,
  }));
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}
