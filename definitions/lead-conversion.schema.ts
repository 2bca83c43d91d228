import type { FromSchema } from 'json-schema-to-ts';
import { definitionHeaderProperties } from './definition-header.schema.ts';

/**
 * How a lead becomes a customer, a contact and (optionally) an opportunity: each target field takes the first
 * non-empty of the lead facts it names (`from`), or a fixed `value`. The customer's stage is chosen here; the
 * customer's own rules (required fields, dedupe) still apply, so a mapping that would break them refuses to convert.
 */
const leadFactName = { type: 'string', pattern: '^[a-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)?$', description: 'a lead fact, or customFields.<key>' } as const;

export const conversionSourceSchema = {
  oneOf: [
    {
      type: 'object',
      properties: { from: { type: 'array', items: leadFactName, minItems: 1 } },
      required: ['from'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { value: { type: ['string', 'number', 'boolean'] } },
      required: ['value'],
      additionalProperties: false,
    },
  ],
} as const;

const fieldMapSchema = {
  type: 'object',
  propertyNames: { pattern: '^[a-z][A-Za-z0-9_]*$' },
  additionalProperties: conversionSourceSchema,
} as const;

export const leadConversionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/lead-conversion.json',
  title: 'Lead conversion mapping',
  type: 'object',
  properties: {
    ...definitionHeaderProperties,
    customer: {
      type: 'object',
      properties: {
        stage: { type: 'string', minLength: 1, description: 'the customer machine stage the new customer starts in' },
        fields: {
          type: 'object',
          properties: { name: conversionSourceSchema, phone: conversionSourceSchema },
          required: ['name'],
          additionalProperties: false,
        },
        customFields: fieldMapSchema,
      },
      required: ['stage', 'fields'],
      additionalProperties: false,
    },
    contact: {
      type: 'object',
      properties: {
        fields: {
          type: 'object',
          properties: { name: conversionSourceSchema, phone: conversionSourceSchema, email: conversionSourceSchema, title: conversionSourceSchema },
          required: ['name'],
          additionalProperties: false,
        },
      },
      required: ['fields'],
      additionalProperties: false,
    },
    opportunity: {
      type: 'object',
      properties: {
        create: { enum: ['never', 'onRequest', 'always'] },
        fields: {
          type: 'object',
          properties: { name: conversionSourceSchema, amount: conversionSourceSchema },
          required: ['name'],
          additionalProperties: false,
        },
      },
      required: ['create', 'fields'],
      additionalProperties: false,
    },
  },
  required: ['id', 'name', 'customer'],
  additionalProperties: false,
} as const;

export type LeadConversion = FromSchema<typeof leadConversionSchema>;

/**
 * The lead columns a mapping's `from` may name (besides `customFields.<key>`): what a conversion reads of the lead.
 * Other catalogue facts (computed ones, the status) are not read.
 */
export const leadConversionSourceColumns = ['name', 'company', 'phone', 'email', 'region', 'source', 'score'] as const;

/** The built-in fields each part of a mapping may fill, as the schema above lists them. */
export const leadConversionTargets = {
  customer: Object.keys(leadConversionSchema.properties.customer.properties.fields.properties),
  contact: Object.keys(leadConversionSchema.properties.contact.properties.fields.properties),
  opportunity: Object.keys(leadConversionSchema.properties.opportunity.properties.fields.properties),
} as const;
export type ConversionSource = FromSchema<typeof conversionSourceSchema>;
