import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import type { CustomerView } from '../customers/customer-view.schema.ts';
import type { OwnershipReasonBody } from './ownership-bodies.schema.ts';
import { returnToPool } from './return-to-pool.ts';

/**
 * A manager takes a customer away from its owners and puts it back in the pool (去掉占有): managers of the owner's
 * team with `mayReassign` (the route checks it) and `assign` in its stage, or administrators. Each owner loses it
 * as a `remove` history row and hears of it.
 */
export function removeClaim(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, id: number, body: OwnershipReasonBody): Promise<CustomerView> {
  return returnToPool(orm, origin, caller, id, body, {
    permission: 'assign',
    doing: { en: 'remove the claim on this customer', 'zh-CN': '去掉该客户的占有' },
    loss: 'remove',
    audit: { action: 'remove-claim', code: 'claimRemoved' },
    notice: (name) => ({ en: `Your claim on “${name}” was removed; it is back in the pool`, 'zh-CN': `您对“${name}”的占有已被去掉，客户已回到公海` }),
  });
}
