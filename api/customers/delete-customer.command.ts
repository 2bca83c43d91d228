import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerDocuments } from './customer-owners.ts';
import { noSuchCustomer } from './customer-problems.ts';
import { visibleCustomer } from './customer-rows.ts';
import { requireStagePermission } from './customer-stage.ts';
import { customerScopeOf } from './customer-visibility.ts';
import { recordDefinitions } from './published-definitions.ts';

/**
 * Moves a customer to the recycle bin: nothing is erased (contacts, contact records and ownership stay with it), the
 * deletion is audited, and whoever may delete it may restore it. Needs the `delete` permission of its stage.
 */
export async function deleteCustomer(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  expectedVersion: number | undefined,
): Promise<void> {
  await runCommand(orm, origin, async (context) => {
    const { em } = context;
    const customer = await visibleCustomer(em, customerScopeOf(caller), id, 'live', true);
    if (customer === undefined) throw noSuchCustomer(id);
    if (expectedVersion !== undefined && customer.version !== expectedVersion) throw recordChangedSinceLoaded(customer.version);
    const { machine } = await recordDefinitions(em, 'customer', { key: customer.definitionKey, version: customer.definitionVersion });
    requireStagePermission(machine.document, customer.stage, caller.role, 'delete', { en: 'delete customers', 'zh-CN': '删除客户' });
    const [before] = await customerDocuments(em, [customer]);
    customer.deletedAt = context.now;
    customer.deletedBy = caller.user.id;
    customer.updatedAt = context.now;
    await em.flush();
    const [after] = await customerDocuments(em, [customer]);
    context.audit({
      entity: 'customer',
      recordId: id,
      customerId: id,
      action: 'delete',
      before: { ...before! },
      after: { ...after! },
      why: { kind: 'reason', code: 'deleted' },
    });
  });
}
