import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerAccessOf, customerView } from '../customers/customer-access.ts';
import { CustomerOwner } from '../customers/customer-owner.entity.ts';
import type { CustomerView } from '../customers/customer-view.schema.ts';
import type { OwnershipAction } from '../customers/ownership-event.entity.ts';
import { changeOwners, type OwnerSeat } from './change-owners.ts';
import { capacityLeft, lockedOwnerCapacity } from './owner-capacity.ts';
import { noticeOwners } from './owner-notices.ts';
import type { ReassignCustomerBody } from './ownership-bodies.schema.ts';
import { lockedVisibleCustomer, permittedCustomerDefinitions } from './ownership-command-checks.ts';
import { alreadyOwner, capacityReached, notOwnerOrManager, unknownAssignee } from './ownership-problems.ts';
import { assignableUser, ownershipStandingOf } from './ownership-standing.ts';

const reassigning = { en: 'reassign this customer', 'zh-CN': '重新分配该客户' };

/**
 * Gives a customer a new primary owner (调拨): managers with `mayReassign` (the route checks it) for their team's
 * customers and the pool, to a member of their team; administrators for any customer, to anyone active; both need
 * `assign` in its stage. Collaborators stay (a collaborator made primary stops being one). The old owner's loss is a
 * `remove` history row, the new owner's gain an `assign` row; both hear of it. The new owner's role's
 * maxOwnedCustomers must have room (409 `capacity-reached`).
 */
export async function reassignCustomer(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  body: ReassignCustomerBody,
): Promise<CustomerView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const customer = await lockedVisibleCustomer(em, caller, id);
    const standing = await ownershipStandingOf(em, caller, customer);
    if (standing !== 'admin' && standing !== 'teamManager' && standing !== 'primaryOwner') throw notOwnerOrManager(reassigning);
    const definitions = await permittedCustomerDefinitions(em, caller, customer, 'assign', reassigning);
    const assignee = await assignableUser(em, caller, body.toUserId);
    if (assignee === undefined) throw unknownAssignee('/toUserId', body.toUserId);
    const previous = customer.ownerId ?? null;
    if (previous === assignee.id) throw alreadyOwner(assignee.id);
    const capacity = await lockedOwnerCapacity(em, assignee.id);
    if (capacity.limit !== null && capacityLeft(capacity) <= 0) throw capacityReached('/toUserId', assignee.id, capacity.limit);

    const current = await em.find(CustomerOwner, { customerId: id }, { orderBy: { since: 'asc' } });
    const owners: OwnerSeat[] = [
      { userId: assignee.id, role: 'primary' },
      ...current
        .filter((owner) => owner.role === 'collaborator' && owner.userId !== assignee.id)
        .map((owner) => ({ userId: owner.userId, role: 'collaborator' as const })),
    ];
    const events: Array<{ ownerId: number; action: OwnershipAction }> = [
      ...(previous === null ? [] : [{ ownerId: previous, action: 'remove' as const }]),
      { ownerId: assignee.id, action: 'assign' },
    ];
    const after = await changeOwners(context, customer, {
      owners,
      teamId: assignee.teamId,
      events,
      audit: { action: 'reassign', code: 'reassigned' },
      reason: body.reason ?? null,
    });
    noticeOwners(context, after, 'reassign', [
      ...(previous === null
        ? []
        : [{ userId: previous, title: { en: `“${after.name}” was reassigned to a colleague`, 'zh-CN': `“${after.name}”已被重新分配给同事` } }]),
      { userId: assignee.id, title: { en: `“${after.name}” was assigned to you`, 'zh-CN': `“${after.name}”已分配给您` } },
    ]);
    return customerView(after, customerAccessOf(caller.role, definitions.fields));
  });
}
