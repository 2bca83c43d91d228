import type { FromSchema } from 'json-schema-to-ts';
import { versionSchema } from '../customers/customer-bodies.schema.ts';

const contactProperties = {
  name: { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' },
  title: { type: ['string', 'null'], maxLength: 120 },
  phone: { type: ['string', 'null'], maxLength: 40, description: 'unique among the customer’s contacts once normalised' },
  email: { type: ['string', 'null'], format: 'email', maxLength: 254 },
  wechat: { type: ['string', 'null'], maxLength: 64 },
  isPrimary: { type: 'boolean', description: 'the customer’s main contact; setting it moves the mark from the previous one' },
  customFields: { type: 'object', maxProperties: 200 },
} as const;

/** POST /api/customers/:id/contacts */
export const createContactBodySchema = {
  type: 'object',
  properties: contactProperties,
  required: ['name'],
  additionalProperties: false,
} as const;

/** PATCH /api/customers/:id/contacts/:contactId */
export const updateContactBodySchema = {
  type: 'object',
  properties: { version: versionSchema, ...contactProperties },
  additionalProperties: false,
  minProperties: 1,
} as const;

export type CreateContactBody = FromSchema<typeof createContactBodySchema>;
export type UpdateContactBody = FromSchema<typeof updateContactBodySchema>;
