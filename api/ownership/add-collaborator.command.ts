import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerAccessOf, customerView } from '../customers/customer-access.ts';
import type { CustomerView } from '../customers/customer-view.schema.ts';
import { changeOwners, type OwnerSeat } from './change-owners.ts';
import { noticeOwners } from './owner-notices.ts';
import type { AddCollaboratorBody } from './ownership-bodies.schema.ts';
import { lockOwnedCustomerFor } from './ownership-command-checks.ts';
import { alreadyOwner, unknownAssignee } from './ownership-problems.ts';
import { assignableUser } from './ownership-standing.ts';

export const sharing = { en: 'change who collaborates on this customer', 'zh-CN': '更改该客户的协同人' };

/**
 * Adds a collaborator (协同客户): the customer's primary owner, a manager of the owner's team or an administrator,
 * with `share` in its stage, adds an active user of their team (administrators: anyone). With more than one owner
 * the customer is collaborative. The gain is an `assign` history row.
 */
export async function addCollaborator(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  body: AddCollaboratorBody,
): Promise<CustomerView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const { customer, definitions, owners: current } = await lockOwnedCustomerFor(em, caller, id, 'share', sharing);
    const collaborator = await assignableUser(em, caller, body.userId);
    if (collaborator === undefined) throw unknownAssignee('/userId', body.userId);
    if (current.some((owner) => owner.userId === collaborator.id)) throw alreadyOwner(collaborator.id);

    const owners: OwnerSeat[] = [
      ...current.map((owner) => ({ userId: owner.userId, role: owner.role })),
      { userId: collaborator.id, role: 'collaborator' },
    ];
    const after = await changeOwners(context, customer, {
      owners,
      teamId: customer.teamId ?? null,
      events: [{ ownerId: collaborator.id, action: 'assign' }],
      audit: { action: 'add-collaborator', code: 'collaboratorAdded' },
      reason: body.reason ?? null,
    });
    noticeOwners(context, after, `add-collaborator:${collaborator.id}`, [
      { userId: collaborator.id, title: { en: `You now collaborate on “${after.name}”`, 'zh-CN': `您已成为“${after.name}”的协同人` } },
    ]);
    return customerView(after, customerAccessOf(caller.role, definitions.fields));
  });
}
