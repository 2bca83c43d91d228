import type { FromSchema } from 'json-schema-to-ts';
import { pageQueryProperties, versionSchema } from '../customers/customer-bodies.schema.ts';
import { listQueryProperties } from '../lists/list-query.schema.ts';
import { contactChannels, contactOutcomeKeys } from './contact-channels.ts';

const instantSchema = { type: 'string', format: 'date-time', maxLength: 40 } as const;
const optionalInstantSchema = { type: ['string', 'null'], format: 'date-time', maxLength: 40 } as const;
const notesSchema = { type: 'string', maxLength: 4000 } as const;

/** POST /api/customers/:id/contact-records */
export const createContactRecordBodySchema = {
  type: 'object',
  properties: {
    channel: { enum: contactChannels },
    outcome: { enum: contactOutcomeKeys },
    notes: notesSchema,
    occurredAt: { ...instantSchema, description: 'when it happened; default now; at most 5 minutes ahead' },
    contactId: { type: ['integer', 'null'], minimum: 1, description: 'the contact spoken to, one of the customer’s' },
    nextFollowUpAt: { ...optionalInstantSchema, description: 'the next follow-up (回访日期), set on the customer; null clears it' },
    reminderAt: { ...optionalInstantSchema, description: 'when to remind the author; in the future' },
  },
  required: ['channel', 'outcome'],
  additionalProperties: false,
} as const;

/** PATCH /api/customers/:id/contact-records/:recordId — by its author, within 24 hours. */
export const updateContactRecordBodySchema = {
  type: 'object',
  properties: {
    version: versionSchema,
    outcome: { enum: contactOutcomeKeys },
    notes: notesSchema,
    nextFollowUpAt: optionalInstantSchema,
    reminderAt: optionalInstantSchema,
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

/** GET /api/customers/:id/contact-records */
export const listContactRecordsQuerySchema = {
  type: 'object',
  properties: {
    limit: pageQueryProperties.limit,
    cursor: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z_[1-9][0-9]{0,15}$', description: 'the nextCursor of the previous page' },
  },
  additionalProperties: false,
} as const;

/** GET /api/contact-records: those of every customer the caller sees, filtered and sorted like the other lists. */
export const listVisibleContactRecordsQuerySchema = {
  type: 'object',
  properties: listQueryProperties('contact record'),
  additionalProperties: false,
} as const;

export type CreateContactRecordBody = FromSchema<typeof createContactRecordBodySchema>;
export type UpdateContactRecordBody = FromSchema<typeof updateContactRecordBodySchema>;
export type ListContactRecordsQuery = FromSchema<typeof listContactRecordsQuerySchema>;
export type ListVisibleContactRecordsQuery = FromSchema<typeof listVisibleContactRecordsQuerySchema>;
