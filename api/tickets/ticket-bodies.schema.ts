import type { FromSchema } from 'json-schema-to-ts';
import { ticketChannels, ticketPriorities } from './ticket.entity.ts';

/** POST /api/customers/:id/tickets */
export const createTicketBodySchema = {
  title: 'New ticket',
  type: 'object',
  properties: {
    subject: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    description: { type: ['string', 'null'], maxLength: 10000 },
    priority: { enum: ticketPriorities, description: 'normal when not sent' },
    channel: { enum: [...ticketChannels, null], description: 'how the customer reached us' },
    orderId: { type: ['integer', 'null'], minimum: 1, description: 'the customer’s order the ticket is about' },
  },
  required: ['subject'],
  additionalProperties: false,
} as const;

export type CreateTicketBody = FromSchema<typeof createTicketBodySchema>;
