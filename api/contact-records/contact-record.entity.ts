import { defineEntity, p } from '@mikro-orm/core';
import type { ContactChannel } from './contact-channels.ts';

/**
 * One logged contact with a customer (联系记录): a call, visit, email, SMS or WeChat message with its outcome, notes,
 * the next follow-up it set and an optional reminder. Its author may correct it for 24 hours; after that it is
 * history (the database refuses the update too), and no rep can delete it.
 */
export const ContactRecord = defineEntity({
  name: 'ContactRecord',
  tableName: 'contact_record',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    customerId: p.bigint('number'),
    contactId: p.bigint('number').nullable(),
    channel: p.string().length(16).$type<ContactChannel>(),
    outcome: p.string().length(40),
    notes: p.text().default(''),
    occurredAt: p.datetime(),
    nextFollowUpAt: p.datetime().nullable(),
    reminderAt: p.datetime().nullable(),
    authorId: p.bigint('number'),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().version(),
  },
});
