import type { FromSchema } from 'json-schema-to-ts';
import { listQueryProperties } from '../lists/list-query.schema.ts';
import { leadSources } from './lead-view.schema.ts';
import { recordEventBodySchema } from '../transitions/record-event-bodies.schema.ts';

const text = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;

/** The lead fields a person (POST /api/leads) or a web form supplies. */
export const leadInputProperties = {
  name: { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' },
  company: text(200),
  phone: { ...text(40), description: 'any form normalizePhone reads; a lead or customer with the same number is a duplicate' },
  email: { type: ['string', 'null'], maxLength: 254, format: 'email' },
  region: { ...text(64), description: 'territory (province, city) that routing rules may match on' },
  score: { type: ['integer', 'null'], minimum: 0, maximum: 100 },
  customFields: { type: 'object', maxProperties: 200, description: 'custom field key → value, checked against the published lead fields' },
} as const;

/** POST /api/leads */
export const createLeadBodySchema = {
  title: 'New lead',
  type: 'object',
  properties: {
    ...leadInputProperties,
    source: { enum: leadSources },
    campaignId: { type: ['integer', 'null'], minimum: 1 },
    routingPolicy: { type: 'string', minLength: 1, maxLength: 120, description: 'the routing policy that assigns it; default lead-routing' },
  },
  required: ['name', 'source'],
  additionalProperties: false,
} as const;
export type CreateLeadBody = FromSchema<typeof createLeadBodySchema>;

export const listLeadsQuerySchema = {
  type: 'object',
  properties: {
    status: { type: 'string', maxLength: 64 },
    campaignId: { type: 'integer', minimum: 1 },
    ownerId: { type: 'integer', minimum: 1 },
    ...listQueryProperties('lead'),
  },
  additionalProperties: false,
} as const;
export type ListLeadsQuery = FromSchema<typeof listLeadsQuerySchema>;

/** POST /api/leads/:id/convert */
export const convertLeadBodySchema = {
  title: 'Lead conversion',
  type: 'object',
  properties: {
    version: { type: 'integer', minimum: 1 },
    createOpportunity: { type: 'boolean', description: 'open an opportunity too (the mapping says how it is filled); default: the mapping’s choice' },
    overrides: {
      type: 'object',
      description: 'values for target fields the lead lacks, by target: {"customer": {"industry": "retail"}}',
      properties: {
        customer: { type: 'object', maxProperties: 100 },
        contact: { type: 'object', maxProperties: 100 },
        opportunity: { type: 'object', maxProperties: 100 },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;
export type ConvertLeadBody = FromSchema<typeof convertLeadBodySchema>;

/**
 * POST /api/leads/:id/events: the generic event body, and a disqualified lead must say why — the reason is kept in
 * the audit entry's payload, where the machine (which decides on the type alone) cannot ask for it.
 */
export const leadEventBodySchema = {
  ...recordEventBodySchema,
  title: 'Lead event',
  if: { properties: { type: { const: 'DISQUALIFY' } }, required: ['type'] },
  then: {
    properties: {
      payload: {
        type: 'object',
        properties: { reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S', description: 'why the lead is not a prospect' } },
        required: ['reason'],
      },
    },
    required: ['payload'],
  },
} as const;
