import type { MikroORM } from '@mikro-orm/postgresql';
import type { StagePermission } from '../../definitions/machine.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerAccessOf, customerView } from '../customers/customer-access.ts';
import type { CustomerView } from '../customers/customer-view.schema.ts';
import { changeOwners } from './change-owners.ts';
import { noticeOwners } from './owner-notices.ts';
import type { OwnershipReasonBody } from './ownership-bodies.schema.ts';
import { lockOwnedCustomerFor } from './ownership-command-checks.ts';

/** How one command puts a customer back in the pool. */
export interface PoolReturn {
  /** The stage permission the caller needs, and what they are doing (for the refusal). */
  permission: StagePermission;
  doing: LocalizedText;
  /** Each owner's loss on the history rows, and the audit entry's action and reason code. */
  loss: 'release' | 'remove';
  audit: { action: string; code: string };
  /** What each former owner is told, by the customer's name; absent: nobody is told. */
  notice?: (customerName: string) => LocalizedText;
}

/**
 * Takes a customer from every owner — collaborators too — and puts it in the pool, in one command: the customer
 * locked and the caller checked (lockOwnedCustomerFor), one history row per owner lost, the audit entry, and the
 * former owners' notices when the command tells them.
 */
export async function returnToPool(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  body: OwnershipReasonBody,
  how: PoolReturn,
): Promise<CustomerView> {
  return runCommand(orm, origin, async (context) => {
    const { customer, definitions, owners } = await lockOwnedCustomerFor(context.em, caller, id, how.permission, how.doing);
    const after = await changeOwners(context, customer, {
      owners: [],
      teamId: null,
      events: owners.map((owner) => ({ ownerId: owner.userId, action: how.loss })),
      audit: how.audit,
      reason: body.reason ?? null,
    });
    const notice = how.notice;
    if (notice !== undefined) {
      noticeOwners(context, after, how.audit.action, owners.map((owner) => ({ userId: owner.userId, title: notice(after.name) })));
    }
    return customerView(after, customerAccessOf(caller.role, definitions.fields));
  });
}
