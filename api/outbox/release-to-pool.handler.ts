import { CustomerOwner } from '../customers/customer-owner.entity.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { changeOwners } from '../ownership/change-owners.ts';
import { effectPayloadOf, ownershipChangedSinceQueued } from './effect-delivery.ts';
import type { OutboxHandler } from './outbox-handler.ts';
import { skipOwnershipEffect } from './skip-ownership-effect.ts';
import { UndeliverableMessage } from './undeliverable-message.ts';

/** Audit codes by the catalogue's release reasons. */
const auditCodes = { recycled: 'recycled', released: 'released', ownerLeft: 'ownerLeft', unqualified: 'unqualified' } as const;

/**
 * `releaseToPool`: the customer goes back to the shared pool, every owner losing it — a `release` history row when
 * the owner let it go (`released`), `remove` when the system or a definition took it (recycled, unqualified, the
 * owner left). The stage permissions were the machine's to check when it decided; this only carries out the move.
 * Already in the pool, deleted, or claimed by someone since the decision: nothing moves.
 */
export const releaseToPoolHandler: OutboxHandler = async (context, delivery) => {
  const { entity, recordId, effect } = effectPayloadOf(delivery, 'releaseToPool');
  if (entity !== 'customer') throw customersOnly(entity);
  const { em } = context;
  const customer = await visibleCustomer(em, { kind: 'all' }, recordId, 'live', true);
  if (customer === undefined || customer.ownership === 'pool') return;
  if (await ownershipChangedSinceQueued(em, recordId, delivery)) {
    skipOwnershipEffect(context, customer.id, 'releaseToPool', delivery.idempotencyKey);
    return;
  }
  const { reason } = effect.params;
  const owners = await em.find(CustomerOwner, { customerId: recordId }, { orderBy: { role: 'desc', since: 'asc' } });
  await changeOwners(context, customer, {
    owners: [],
    teamId: null,
    events: owners.map((owner) => ({ ownerId: owner.userId, action: reason === 'released' ? ('release' as const) : ('remove' as const) })),
    audit: { action: 'release', code: auditCodes[reason] },
    reason: null,
  });
};

function customersOnly(entity: string): UndeliverableMessage {
  return new UndeliverableMessage({
    en: `releaseToPool moves customers only; this message names a ${entity}. Correct the definition that asked for it, then discard this message.`,
    'zh-CN': `releaseToPool 只能移动客户，而该消息指向的是 ${entity}。请修正发出该效果的定义，然后丢弃此消息。`,
  });
}
