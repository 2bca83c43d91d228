import { defineEntity, p } from '@mikro-orm/core';

export const customerOwnerRoles = ['primary', 'collaborator'] as const;
export type CustomerOwnerRole = (typeof customerOwnerRoles)[number];

/**
 * A current owner of a customer: its primary owner (also in customer.owner_id) and, for a collaborative customer,
 * each collaborator. Visibility for reps and managers is decided from these rows.
 */
export const CustomerOwner = defineEntity({
  name: 'CustomerOwner',
  tableName: 'customer_owner',
  properties: {
    customerId: p.bigint('number').primary(),
    userId: p.bigint('number').primary(),
    role: p.string().length(16).$type<CustomerOwnerRole>(),
    since: p.datetime(),
  },
});
