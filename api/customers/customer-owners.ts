import type { EntityManager } from '@mikro-orm/postgresql';
import { CustomerOwner, type CustomerOwnerRole } from './customer-owner.entity.ts';
import { customerDocument, type CustomerDocument, type CustomerRow } from './customer-document.ts';

type OwnerRow = { userId: number; role: CustomerOwnerRole; since: Date };

/** The current owners of each customer, in one query for a whole page. */
async function ownersByCustomer(em: EntityManager, customerIds: readonly number[]): Promise<Map<number, OwnerRow[]>> {
  const byCustomer = new Map<number, OwnerRow[]>();
  if (customerIds.length === 0) return byCustomer;
  const owners = await em.find(CustomerOwner, { customerId: { $in: [...customerIds] } });
  for (const owner of owners) {
    const list = byCustomer.get(owner.customerId) ?? [];
    list.push({ userId: owner.userId, role: owner.role, since: owner.since });
    byCustomer.set(owner.customerId, list);
  }
  return byCustomer;
}

/** Documents for customer rows with their owners filled in. */
export async function customerDocuments(em: EntityManager, rows: readonly CustomerRow[]): Promise<CustomerDocument[]> {
  const owners = await ownersByCustomer(em, rows.map((row) => row.id));
  return rows.map((row) => customerDocument(row, owners.get(row.id) ?? []));
}
