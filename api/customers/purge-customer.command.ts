import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import { customerDocuments } from './customer-owners.ts';
import { noSuchDeletedCustomer } from './customer-problems.ts';
import { visibleCustomer } from './customer-rows.ts';
import { customerScopeOf } from './customer-visibility.ts';
import { Customer } from './customer.entity.ts';

/**
 * Erases a customer from the recycle bin for good, with its contacts, contact records and current owners (the
 * database cascades). Only roles with `mayPurge` reach this (the router checks); the audit trail and the ownership
 * history stay, with the customer's last document, so even a purge is never silent.
 */
export async function purgeCustomer(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, id: number): Promise<void> {
  await runCommand(orm, origin, async (context) => {
    const { em } = context;
    const customer = await visibleCustomer(em, customerScopeOf(caller), id, 'deleted', true);
    if (customer === undefined) throw noSuchDeletedCustomer(id);
    const [before] = await customerDocuments(em, [customer]);
    const [counts] = await boundQuery<{ contacts: number; records: number }>(
      em,
      `select (select count(*)::int from contact where customer_id = $1) as contacts,
              (select count(*)::int from contact_record where customer_id = $1) as records`,
      [id],
    );
    await em.nativeDelete(Customer, { id });
    context.audit({
      entity: 'customer',
      recordId: id,
      customerId: id,
      action: 'purge',
      before: { ...before! },
      after: null,
      why: {
        kind: 'reason',
        code: 'purged',
        text: `with ${counts?.contacts ?? 0} contact(s) and ${counts?.records ?? 0} contact record(s)`,
      },
    });
  });
}
