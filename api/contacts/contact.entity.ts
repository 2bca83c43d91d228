import { defineEntity, p } from '@mikro-orm/core';

/** A person at a customer (联系人). Deleting one is soft, like everything that belongs to a customer. */
export const Contact = defineEntity({
  name: 'Contact',
  tableName: 'contact',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    customerId: p.bigint('number'),
    name: p.string().length(120),
    title: p.string().length(120).nullable(),
    phone: p.string().length(40).nullable(),
    phoneNormalized: p.string().length(20).nullable(),
    email: p.string().length(254).nullable(),
    wechat: p.string().length(64).nullable(),
    isPrimary: p.boolean().default(false),
    customFields: p.json<Record<string, unknown>>(),
    createdBy: p.bigint('number').nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().version(),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.bigint('number').nullable(),
  },
});
