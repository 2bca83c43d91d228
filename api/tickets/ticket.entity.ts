import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { machineRecordProperties } from '../transitions/machine-record.properties.ts';

export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];
export const ticketChannels = ['phone', 'email', 'web'] as const;
export type TicketChannel = (typeof ticketChannels)[number];

/**
 * A service ticket (工单) of a customer: its state in the published ticket machine (column `status`, the catalogue's
 * machine-state fact; `stage` here), priority, channel, and the times the SLA rules read. Columns follow
 * definitions/defaults/facts/ticket.facts.json.
 */
export const Ticket = defineEntity({
  name: 'Ticket',
  tableName: 'ticket',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    customerId: p.bigint('number'),
    orderId: p.bigint('number').nullable(),
    subject: p.string().length(200),
    description: p.text().nullable(),
    stage: p.string().length(64).fieldName('status'),
    priority: p.string().length(8).$type<TicketPriority>(),
    channel: p.string().length(8).$type<TicketChannel>().nullable(),
    assigneeId: p.bigint('number').nullable(),
    ...machineRecordProperties,
    firstResponseAt: p.datetime().nullable(),
    resolvedAt: p.datetime().nullable(),
    slaDueAt: p.datetime().nullable(),
    responseDueAt: p.datetime().nullable(),
    resolveDueAt: p.datetime().nullable(),
  },
});

export type TicketRow = InferEntity<typeof Ticket>;
