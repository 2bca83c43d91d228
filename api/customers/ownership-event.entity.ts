import { defineEntity, p } from '@mikro-orm/core';

export const ownershipActions = ['create', 'claim', 'release', 'assign', 'remove'] as const;
export type OwnershipAction = (typeof ownershipActions)[number];

/**
 * One change of who owns a customer, kept forever (it outlives even a purged customer): the owner gained or lost,
 * who did it and why. The fact catalogue counts today's claims from here (`ownedCountToday`).
 */
export const OwnershipEvent = defineEntity({
  name: 'OwnershipEvent',
  tableName: 'ownership_event',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    customerId: p.bigint('number'),
    ownerId: p.bigint('number').nullable(),
    action: p.string().length(16).$type<OwnershipAction>(),
    actorId: p.bigint('number').nullable(),
    occurredAt: p.datetime(),
    reason: p.text().nullable(),
  },
});
