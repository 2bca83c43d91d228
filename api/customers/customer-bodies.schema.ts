import type { FromSchema } from 'json-schema-to-ts';
import { listQueryProperties } from '../lists/list-query.schema.ts';
import { stateKeyPattern } from '../../definitions/machine.schema.ts';

const nameSchema = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S', description: 'unique among live customers, whatever the case and spaces' } as const;
const phoneSchema = {
  type: ['string', 'null'],
  maxLength: 40,
  description: 'any form normalizePhone reads (spaces, dashes, +86); unique among live customers once normalised',
} as const;
const keywordsSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S' },
  maxItems: 10,
  description: 'short names and brands the customer is known by; no two live customers share one',
} as const;
const dateSchema = { type: ['string', 'null'], format: 'date' } as const;
const customFieldsSchema = {
  type: 'object',
  maxProperties: 200,
  description: 'custom field key → value, checked against the published field definitions',
} as const;
const stageSchema = { type: 'string', pattern: stateKeyPattern, maxLength: 64 } as const;
export const versionSchema = { type: 'integer', minimum: 1, maximum: 999999999 } as const;

/** POST /api/customers */
export const createCustomerBodySchema = {
  type: 'object',
  properties: {
    name: nameSchema,
    phone: phoneSchema,
    keywords: keywordsSchema,
    stage: { ...stageSchema, description: 'a stage to start in instead of the machine’s initial one (an import); needs the edit permission there' },
    ownership: { enum: ['personal', 'pool'], description: 'personal (yours, the default) or the shared pool' },
    doNotCall: { type: 'boolean' },
    contractEndsOn: dateSchema,
    customFields: customFieldsSchema,
  },
  required: ['name'],
  additionalProperties: false,
} as const;

/** PATCH /api/customers/:id — `version` (or If-Match) names the version the change was made from. */
export const updateCustomerBodySchema = {
  type: 'object',
  properties: {
    version: versionSchema,
    name: nameSchema,
    phone: phoneSchema,
    keywords: keywordsSchema,
    doNotCall: { type: 'boolean' },
    contractEndsOn: dateSchema,
    customFields: { ...customFieldsSchema, description: 'only the keys given change; null or "" clears a value' },
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const pageQueryProperties = {
  limit: { type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'at most this many (1–200)' },
  cursor: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'the nextCursor of the previous page' },
} as const;

/** GET /api/customers */
export const listCustomersQuerySchema = {
  type: 'object',
  properties: {
    ownership: { enum: ['personal', 'collaborative', 'pool'], description: 'only customers owned this way' },
    stage: { ...stageSchema, description: 'only customers in this stage' },
    q: { type: 'string', minLength: 1, maxLength: 100, description: 'part of the name, phone number or a keyword' },
    ...listQueryProperties('customer'),
  },
  additionalProperties: false,
} as const;

/** GET /api/recycle-bin/customers and other plain pages */
export const pageQuerySchema = { type: 'object', properties: pageQueryProperties, additionalProperties: false } as const;

export type CreateCustomerBody = FromSchema<typeof createCustomerBodySchema>;
export type UpdateCustomerBody = FromSchema<typeof updateCustomerBodySchema>;
export type ListCustomersQuery = FromSchema<typeof listCustomersQuerySchema>;
export type PageQuery = FromSchema<typeof pageQuerySchema>;
