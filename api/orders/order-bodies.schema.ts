import type { FromSchema } from 'json-schema-to-ts';

const lineSchema = {
  type: 'object',
  properties: {
    product: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    quantity: { type: 'number', exclusiveMinimum: 0, maximum: 9999999999.99 },
    unitPrice: { type: 'number', minimum: 0, maximum: 999999999999.99, description: 'in the organisation’s currency, two decimals' },
  },
  required: ['product', 'quantity', 'unitPrice'],
  additionalProperties: false,
} as const;

/** POST /api/customers/:id/orders: the amount is the sum of the lines. */
export const createOrderBodySchema = {
  title: 'New order',
  type: 'object',
  properties: {
    lines: { type: 'array', minItems: 1, maxItems: 200, items: lineSchema },
    dueOn: { type: ['string', 'null'], format: 'date', description: 'when payment is due; the order machine requires it to confirm' },
    opportunityId: { type: ['integer', 'null'], minimum: 1, description: 'the customer’s opportunity this order comes from' },
  },
  required: ['lines'],
  additionalProperties: false,
} as const;

export type CreateOrderBody = FromSchema<typeof createOrderBodySchema>;
