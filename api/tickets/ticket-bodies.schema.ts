import type { FromSchema } from 'json-schema-to-ts';
import { versionSchema } from '../customers/customer-bodies.schema.ts';
import { ticketChannels, ticketPriorities } from './ticket.entity.ts';

const subjectSchema = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } as const;
const descriptionSchema = { type: ['string', 'null'], maxLength: 10000 } as const;
const channelSchema = { enum: [...ticketChannels, null], description: 'how the customer reached us' } as const;

/** POST /api/customers/:id/tickets */
export const createTicketBodySchema = {
  title: 'New ticket',
  type: 'object',
  properties: {
    subject: subjectSchema,
    description: descriptionSchema,
    priority: { enum: ticketPriorities, description: 'normal when not sent; sets the response and resolve due times' },
    channel: channelSchema,
    orderId: { type: ['integer', 'null'], minimum: 1, description: 'the customer’s order the ticket is about' },
  },
  required: ['subject'],
  additionalProperties: false,
} as const;

export type CreateTicketBody = FromSchema<typeof createTicketBodySchema>;

/** PATCH /api/tickets/:id: the fields sent change; the state moves only through events. */
export const updateTicketBodySchema = {
  title: 'Ticket change',
  type: 'object',
  properties: {
    subject: subjectSchema,
    description: descriptionSchema,
    priority: { enum: ticketPriorities, description: 'a new priority sets the due times again, counted from when the ticket was opened' },
    channel: channelSchema,
    assigneeId: {
      type: ['integer', 'null'],
      minimum: 1,
      maximum: 9007199254740991,
      description: 'who works on it: yourself (the stage’s claim permission) or, with its assign permission, a user of your team (administrators: anyone) who can see the customer; null: nobody',
    },
    version: versionSchema,
  },
  additionalProperties: false,
} as const;

export type UpdateTicketBody = FromSchema<typeof updateTicketBodySchema>;
