import type { FromSchema } from 'json-schema-to-ts';
import { versionSchema } from '../customers/customer-bodies.schema.ts';

const nameSchema = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } as const;
const amountSchema = { type: ['number', 'null'], minimum: 0, maximum: 999999999999.99, description: 'in the organisation’s currency, two decimals' } as const;
const closeOnSchema = { type: ['string', 'null'], format: 'date', description: 'the expected close date; the funnel may require it before negotiating' } as const;

/** POST /api/customers/:id/opportunities */
export const createOpportunityBodySchema = {
  title: 'New opportunity',
  type: 'object',
  properties: { name: nameSchema, amount: amountSchema, expectedCloseOn: closeOnSchema },
  required: ['name'],
  additionalProperties: false,
} as const;

export type CreateOpportunityBody = FromSchema<typeof createOpportunityBodySchema>;

/** PATCH /api/opportunities/:id: the fields sent change; the stage moves only through events. */
export const updateOpportunityBodySchema = {
  title: 'Opportunity change',
  type: 'object',
  properties: { name: nameSchema, amount: amountSchema, expectedCloseOn: closeOnSchema, version: versionSchema },
  additionalProperties: false,
} as const;

export type UpdateOpportunityBody = FromSchema<typeof updateOpportunityBodySchema>;
