import type { CommandContext } from '../commands/command-context.ts';
import { customerDocument, type CustomerDocument, type CustomerRow } from '../customers/customer-document.ts';
import { CustomerOwner, type CustomerOwnerRole } from '../customers/customer-owner.entity.ts';
import type { Ownership } from '../customers/customer.entity.ts';
import { OwnershipEvent, type OwnershipAction } from '../customers/ownership-event.entity.ts';

export interface OwnerSeat {
  userId: number;
  role: CustomerOwnerRole;
}

/** A change of who owns a customer, as one command decided it. */
export interface OwnershipChange {
  /** Every owner afterwards, the primary one first; none: back to the pool. */
  owners: OwnerSeat[];
  /** The team the customer counts for afterwards: its primary owner's; null in the pool. */
  teamId: number | null;
  /** The history rows: each owner gained (`claim`, `assign`) or lost (`release`, `remove`). */
  events: Array<{ ownerId: number | null; action: OwnershipAction }>;
  /** The audit entry's action (`claim`, `reassign`, …) and the reason code of its why. */
  audit: { action: string; code: string };
  /** The person's own words, kept on the history rows and the audit entry. */
  reason: string | null;
}

export function ownershipOf(owners: readonly OwnerSeat[]): Ownership {
  return owners.length === 0 ? 'pool' : owners.length === 1 ? 'personal' : 'collaborative';
}

/**
 * Applies an ownership change to a customer whose row the command holds locked: its owner rows (removed, demoted,
 * promoted, added — in that order, so the one-primary index never sees two), its ownership, owner and team columns
 * (the version rises), the history rows and the audit entry with the customer before and after.
 */
export async function changeOwners(context: CommandContext, customer: CustomerRow, change: OwnershipChange): Promise<CustomerDocument> {
  const { em, now } = context;
  const current = await em.find(CustomerOwner, { customerId: customer.id });
  const before = customerDocument(customer, current);
  const wanted = new Map(change.owners.map((owner) => [owner.userId, owner.role]));

  for (const row of current) if (!wanted.has(row.userId)) em.remove(row);
  await em.flush();
  const kept = current.filter((row) => wanted.has(row.userId));
  for (const target of ['collaborator', 'primary'] as const) {
    for (const row of kept) if (wanted.get(row.userId) === target && row.role !== target) row.role = target;
    await em.flush();
  }
  const added = change.owners
    .filter((owner) => !kept.some((row) => row.userId === owner.userId))
    .map((owner) => em.create(CustomerOwner, { customerId: customer.id, userId: owner.userId, role: owner.role, since: now }));

  const primary = change.owners.find((owner) => owner.role === 'primary');
  customer.ownership = ownershipOf(change.owners);
  customer.ownerId = primary?.userId ?? null;
  customer.teamId = change.teamId;
  customer.updatedAt = now;
  for (const event of change.events) {
    em.create(OwnershipEvent, {
      customerId: customer.id,
      ownerId: event.ownerId,
      action: event.action,
      actorId: context.actorId,
      occurredAt: now,
      reason: change.reason,
    });
  }
  await em.flush();

  const after = customerDocument(customer, [...kept, ...added]);
  context.audit({
    entity: 'customer',
    recordId: customer.id,
    customerId: customer.id,
    action: change.audit.action,
    before: { ...before },
    after: { ...after },
    why: { kind: 'reason', code: change.audit.code, ...(change.reason === null ? {} : { text: change.reason }) },
  });
  return after;
}
