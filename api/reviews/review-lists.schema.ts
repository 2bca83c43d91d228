import type { FromSchema } from 'json-schema-to-ts';
import { stateKeyPattern } from '../../definitions/machine.schema.ts';
import { pageQueryProperties } from '../customers/customer-bodies.schema.ts';
import { customerViewSchema } from '../customers/customer-view.schema.ts';

const daySchema = { type: 'string', format: 'date' } as const;

/** GET /api/reviews/contact-records */
export const teamContactRecordsQuerySchema = {
  type: 'object',
  properties: {
    author: { type: 'integer', minimum: 1, description: 'only this person’s records (one you review)' },
    from: { ...daySchema, description: 'contacts on or after this day (YYYY-MM-DD, your time zone)' },
    to: { ...daySchema, description: 'contacts on or before this day (YYYY-MM-DD, your time zone)' },
    limit: pageQueryProperties.limit,
    cursor: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z_[1-9][0-9]{0,15}$', description: 'the nextCursor of the previous page' },
  },
  additionalProperties: false,
} as const;

export const teamContactRecordSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    customerId: { type: 'integer' },
    customerName: { type: 'string' },
    customerStage: { type: 'string' },
    authorId: { type: 'integer' },
    channel: { type: 'string' },
    outcome: { type: 'string' },
    notes: { type: 'string' },
    occurredAt: { type: 'string', format: 'date-time' },
    nextFollowUpAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'customerId', 'customerName', 'customerStage', 'authorId', 'channel', 'outcome', 'notes', 'occurredAt', 'nextFollowUpAt'],
  additionalProperties: false,
} as const;

export const teamContactRecordsPageSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', items: teamContactRecordSchema },
    nextCursor: { type: ['string', 'null'], description: 'pass as `cursor` for the next page; null on the last' },
  },
  required: ['items', 'nextCursor'],
  additionalProperties: false,
} as const;

/** GET /api/reviews/flagged-customers */
export const flaggedCustomersQuerySchema = {
  type: 'object',
  properties: {
    flag: { type: 'string', pattern: stateKeyPattern, maxLength: 64, description: 'a flag of the customer machine (`tracking`)' },
    value: { type: 'string', pattern: stateKeyPattern, maxLength: 64, description: 'its value (`paused`)' },
    ...pageQueryProperties,
  },
  required: ['flag', 'value'],
  additionalProperties: false,
} as const;

export const flaggedCustomersPageSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', items: customerViewSchema },
    nextCursor: { type: ['integer', 'null'], description: 'pass as `cursor` for the next page; null on the last' },
  },
  required: ['items', 'nextCursor'],
  additionalProperties: false,
} as const;

export type TeamContactRecordsQuery = FromSchema<typeof teamContactRecordsQuerySchema>;
export type TeamContactRecord = FromSchema<typeof teamContactRecordSchema>;
export type FlaggedCustomersQuery = FromSchema<typeof flaggedCustomersQuerySchema>;
