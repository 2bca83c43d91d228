import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerAccessOf, customerView } from '../customers/customer-access.ts';
import { CustomerOwner } from '../customers/customer-owner.entity.ts';
import type { CustomerView } from '../customers/customer-view.schema.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { sharing } from './add-collaborator.command.ts';
import { changeOwners } from './change-owners.ts';
import { noticeOwners } from './owner-notices.ts';
import { lockedVisibleCustomer, permittedCustomerDefinitions } from './ownership-command-checks.ts';
import { noSuchCollaborator, notOwnerOrManager, primaryOwnerNotCollaborator } from './ownership-problems.ts';
import { ownershipStandingOf } from './ownership-standing.ts';

/**
 * Takes a collaborator off a customer: whoever may add one (primary owner, the owner's manager, an administrator,
 * with `share` in its stage), or the collaborator themselves, leaving. One owner left: personal again. The loss is
 * a `remove` history row.
 */
export async function removeCollaborator(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  userId: number,
): Promise<CustomerView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const customer = await lockedVisibleCustomer(em, caller, id);
    const current = await em.find(CustomerOwner, { customerId: id }, { orderBy: { role: 'desc', since: 'asc' } });
    const leaving = current.find((owner) => owner.userId === userId);
    const standing = await ownershipStandingOf(em, caller, customer);
    const leavingThemselves = standing === 'collaborator' && userId === caller.user.id;
    if (standing !== 'admin' && standing !== 'teamManager' && standing !== 'primaryOwner' && !leavingThemselves) {
      throw notOwnerOrManager(sharing);
    }
    if (leaving === undefined) throw noSuchCollaborator(userId);
    if (leaving.role === 'primary') throw primaryOwnerNotCollaborator(userId);
    const definitions = leavingThemselves
      ? await recordDefinitions(em, 'customer', { key: customer.definitionKey, version: customer.definitionVersion })
      : await permittedCustomerDefinitions(em, caller, customer, 'share', sharing);

    const after = await changeOwners(context, customer, {
      owners: current.filter((owner) => owner.userId !== userId).map((owner) => ({ userId: owner.userId, role: owner.role })),
      teamId: customer.teamId ?? null,
      events: [{ ownerId: userId, action: 'remove' }],
      audit: { action: 'remove-collaborator', code: 'collaboratorRemoved' },
      reason: null,
    });
    noticeOwners(context, after, `remove-collaborator:${userId}`, [
      { userId, title: { en: `You no longer collaborate on “${after.name}”`, 'zh-CN': `您已不再是“${after.name}”的协同人` } },
    ]);
    return customerView(after, customerAccessOf(caller.role, definitions.fields));
  });
}
