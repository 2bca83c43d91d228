import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerAccessOf, customerView, shownNameFor } from './customer-access.ts';
import type { CustomerView } from './customer-view.schema.ts';
import { duplicateCustomer, findDuplicates, lockDedupeKeys } from './customer-dedupe.ts';
import { customerDocuments } from './customer-owners.ts';
import { noSuchDeletedCustomer } from './customer-problems.ts';
import { visibleCustomer } from './customer-rows.ts';
import { requireStagePermission } from './customer-stage.ts';
import { customerUniqueViolation } from './customer-unique-violation.ts';
import { customerScopeOf } from './customer-visibility.ts';
import { recordDefinitions } from './published-definitions.ts';

/**
 * Takes a customer out of the recycle bin, as it was, with its owners. Whoever may delete it (the `delete` permission
 * of its stage) may restore it; if a live customer has taken its name, phone or a keyword meanwhile, 409 says which.
 */
export async function restoreCustomer(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, id: number): Promise<CustomerView> {
  return runCommand(
    orm,
    origin,
    async (context) => {
      const { em } = context;
      const scope = customerScopeOf(caller);
      const customer = await visibleCustomer(em, scope, id, 'deleted', true);
      if (customer === undefined) throw noSuchDeletedCustomer(id);
      const definitions = await recordDefinitions(em, 'customer', { key: customer.definitionKey, version: customer.definitionVersion });
      const machine = definitions.machine.document;
      requireStagePermission(machine, customer.stage, caller.role, 'delete', { en: 'restore deleted customers', 'zh-CN': '恢复已删除的客户' });
      const access = customerAccessOf(caller.role, definitions.fields);
      const keys = { nameKey: customer.nameKey, phoneNormalized: customer.phoneNormalized ?? null, keywordKeys: [...customer.keywordKeys] };
      await lockDedupeKeys(em, keys);
      const [duplicate] = await findDuplicates(em, keys, scope, customer.id);
      if (duplicate !== undefined) {
        throw duplicateCustomer(duplicate, new Map(customer.keywordKeys.map((key, index) => [key, index])), shownNameFor(access));
      }
      const [before] = await customerDocuments(em, [customer]);
      customer.deletedAt = null;
      customer.deletedBy = null;
      customer.updatedAt = context.now;
      await em.flush();
      const [after] = await customerDocuments(em, [customer]);
      context.audit({
        entity: 'customer',
        recordId: id,
        customerId: id,
        action: 'restore',
        before: { ...before! },
        after: { ...after! },
        why: { kind: 'reason', code: 'restored' },
      });
      return customerView(after!, access);
    },
    customerUniqueViolation,
  );
}
