import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerAccessOf, customerView } from '../customers/customer-access.ts';
import type { CustomerView } from '../customers/customer-view.schema.ts';
import { changeOwners } from './change-owners.ts';
import type { OwnershipReasonBody } from './ownership-bodies.schema.ts';
import { lockOwnedCustomerFor } from './ownership-command-checks.ts';

const releasing = { en: 'release this customer to the pool', 'zh-CN': '将该客户释放到公海' };

/**
 * Gives a customer back to the shared pool (释放): its owner, a manager of the owner's team or an administrator,
 * with `release` in its stage. Every owner — collaborators too — loses it; each loss is a `release` history row.
 */
export async function releaseCustomer(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  body: OwnershipReasonBody,
): Promise<CustomerView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const { customer, definitions, owners } = await lockOwnedCustomerFor(em, caller, id, 'release', releasing);
    const after = await changeOwners(context, customer, {
      owners: [],
      teamId: null,
      events: owners.map((owner) => ({ ownerId: owner.userId, action: 'release' as const })),
      audit: { action: 'release', code: 'released' },
      reason: body.reason ?? null,
    });
    return customerView(after, customerAccessOf(caller.role, definitions.fields));
  });
}
