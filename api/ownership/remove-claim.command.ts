import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerAccessOf, customerView } from '../customers/customer-access.ts';
import type { CustomerView } from '../customers/customer-view.schema.ts';
import { changeOwners } from './change-owners.ts';
import { noticeOwners } from './owner-notices.ts';
import type { OwnershipReasonBody } from './ownership-bodies.schema.ts';
import { lockOwnedCustomerFor } from './ownership-command-checks.ts';

const removing = { en: 'remove the claim on this customer', 'zh-CN': '去掉该客户的占有' };

/**
 * A manager takes a customer away from its owners and puts it back in the pool (去掉占有): managers of the owner's
 * team with `mayReassign` (the route checks it) and `assign` in its stage, or administrators. Each owner loses it
 * as a `remove` history row and hears of it.
 */
export async function removeClaim(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  body: OwnershipReasonBody,
): Promise<CustomerView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const { customer, definitions, owners } = await lockOwnedCustomerFor(em, caller, id, 'assign', removing);
    const after = await changeOwners(context, customer, {
      owners: [],
      teamId: null,
      events: owners.map((owner) => ({ ownerId: owner.userId, action: 'remove' as const })),
      audit: { action: 'remove-claim', code: 'claimRemoved' },
      reason: body.reason ?? null,
    });
    noticeOwners(
      context,
      after,
      'remove-claim',
      owners.map((owner) => ({
        userId: owner.userId,
        title: { en: `Your claim on “${after.name}” was removed; it is back in the pool`, 'zh-CN': `您对“${after.name}”的占有已被去掉，客户已回到公海` },
      })),
    );
    return customerView(after, customerAccessOf(caller.role, definitions.fields));
  });
}
