import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { customerAccessOf, customerView } from '../customers/customer-access.ts';
import { customerDocuments } from '../customers/customer-owners.ts';
import { visibleCustomerRows } from '../customers/customer-rows.ts';
import type { CustomerView } from '../customers/customer-view.schema.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { publishedFields } from '../customers/published-definitions.ts';
import type { FlaggedCustomersQuery } from './review-lists.schema.ts';

/**
 * Owned customers the caller may see whose machine flag has a value — a manager's "paused customers to look at" is
 * `tracking` = `paused` in the generic machine — newest first, as the customer list shows them (fields masked or
 * hidden as the role says). The pool is left out: nobody paused it.
 */
export async function flaggedCustomers(
  orm: MikroORM,
  caller: SignedIn,
  query: FlaggedCustomersQuery,
): Promise<{ items: CustomerView[]; nextCursor: number | null }> {
  const em = orm.em.fork();
  const limit = query.limit ?? 50;
  const rows = await visibleCustomerRows(em, customerScopeOf(caller), {
    liveness: 'live',
    where: (bind) =>
      `c.ownership <> 'pool' and c.machine_snapshot->'flags'->>${bind.add(query.flag)}::text = ${bind.add(query.value)}::text` +
      (query.cursor === undefined ? '' : ` and c.id < ${bind.add(query.cursor)}`),
    limit: limit + 1,
  });
  const shown = rows.slice(0, limit);
  const access = customerAccessOf(caller.role, await publishedFields(em, 'customer'));
  const documents = await customerDocuments(em, shown);
  return {
    items: documents.map((document) => customerView(document, access)),
    nextCursor: rows.length > limit ? Number(shown.at(-1)!.id) : null,
  };
}
