import type { FromSchema } from 'json-schema-to-ts';
import { stageFlagsSchema } from '../../definitions/effect-catalogue.schema.ts';
import { slaStateOf, slaStates } from './ticket-sla.ts';
import { ticketChannels, ticketPriorities, type TicketRow } from './ticket.entity.ts';

/** A ticket as the API shows it and the audit trail keeps it. */
export const ticketViewSchema = {
  title: 'Ticket',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    customerId: { type: 'integer', minimum: 1 },
    orderId: { type: ['integer', 'null'] },
    subject: { type: 'string' },
    description: { type: ['string', 'null'] },
    status: { type: 'string', description: 'the ticket machine’s state (GET /api/tickets/:id/actions lists the ways on)' },
    flags: { ...stageFlagsSchema, description: 'the state’s flags' },
    priority: { enum: ticketPriorities },
    channel: { enum: [...ticketChannels, null] },
    assigneeId: { type: ['integer', 'null'] },
    definition: {
      type: 'object',
      properties: { key: { type: 'string' }, version: { type: 'integer', minimum: 1 } },
      required: ['key', 'version'],
      additionalProperties: false,
      description: 'the published machine version it runs on',
    },
    createdBy: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    firstResponseAt: { type: ['string', 'null'], format: 'date-time', description: 'when work on it first started' },
    resolvedAt: { type: ['string', 'null'], format: 'date-time' },
    slaDueAt: { type: ['string', 'null'], format: 'date-time', description: 'the due time running now: the response due, then the resolve due' },
    responseDueAt: { type: ['string', 'null'], format: 'date-time', description: 'first response due, from the priority’s service level' },
    resolveDueAt: { type: ['string', 'null'], format: 'date-time', description: 'resolution due, from the priority’s service level' },
    slaState: { enum: slaStates, description: 'against the service level at the time of the answer: onTrack, responseOverdue, resolveOverdue; once resolved met or breached; none without a level' },
    version: { type: 'integer', minimum: 1 },
  },
  required: [
    'id', 'customerId', 'orderId', 'subject', 'description', 'status', 'flags', 'priority', 'channel', 'assigneeId',
    'definition', 'createdBy', 'createdAt', 'updatedAt', 'firstResponseAt', 'resolvedAt', 'slaDueAt', 'responseDueAt',
    'resolveDueAt', 'slaState', 'version',
  ],
  additionalProperties: false,
} as const;

export type TicketView = FromSchema<typeof ticketViewSchema>;

const iso = (date: Date | null | undefined) => (date == null ? null : date.toISOString());

/** Built field by field, so a new column never reaches a response by default; `slaState` as it stands at `now`. */
export function ticketDocument(row: TicketRow, now: Date = new Date()): TicketView {
  return {
    id: row.id,
    customerId: row.customerId,
    orderId: row.orderId ?? null,
    subject: row.subject,
    description: row.description ?? null,
    status: row.stage,
    flags: row.machineSnapshot.flags,
    priority: row.priority,
    channel: row.channel ?? null,
    assigneeId: row.assigneeId ?? null,
    definition: { key: row.definitionKey, version: row.definitionVersion },
    createdBy: row.createdBy ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    firstResponseAt: iso(row.firstResponseAt),
    resolvedAt: iso(row.resolvedAt),
    slaDueAt: iso(row.slaDueAt),
    responseDueAt: iso(row.responseDueAt),
    resolveDueAt: iso(row.resolveDueAt),
    slaState: slaStateOf(
      { responseDueAt: row.responseDueAt ?? null, resolveDueAt: row.resolveDueAt ?? null, firstResponseAt: row.firstResponseAt, resolvedAt: row.resolvedAt },
      now,
    ),
    version: row.version,
  };
}
