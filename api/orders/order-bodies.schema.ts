import type { FromSchema } from 'json-schema-to-ts';
import { versionSchema } from '../customers/customer-bodies.schema.ts';
import { paymentMethods } from './order-payment.entity.ts';

const lineSchema = {
  type: 'object',
  properties: {
    product: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    quantity: { type: 'number', minimum: 0.01, maximum: 9999999999.99, description: 'two decimals at most count' },
    unitPrice: { type: 'number', minimum: 0, maximum: 999999999999.99, description: 'in the organisation’s currency, two decimals' },
  },
  required: ['product', 'quantity', 'unitPrice'],
  additionalProperties: false,
} as const;

const linesSchema = { type: 'array', minItems: 1, maxItems: 200, items: lineSchema } as const;
const dueOnSchema = { type: ['string', 'null'], format: 'date', description: 'when payment is due; the order machine requires it to confirm' } as const;
const shippingAddressSchema = { type: ['string', 'null'], maxLength: 500, description: 'where the goods go' } as const;
const expectedShipOnSchema = { type: ['string', 'null'], format: 'date', description: 'when the goods are expected to leave' } as const;
const noteSchema = { type: ['string', 'null'], maxLength: 4000 } as const;

/** POST /api/customers/:id/orders: the amount is the sum of the lines. */
export const createOrderBodySchema = {
  title: 'New order',
  type: 'object',
  properties: {
    lines: linesSchema,
    dueOn: dueOnSchema,
    opportunityId: { type: ['integer', 'null'], minimum: 1, description: 'the customer’s opportunity this order comes from' },
    shippingAddress: shippingAddressSchema,
    expectedShipOn: expectedShipOnSchema,
    note: noteSchema,
  },
  required: ['lines'],
  additionalProperties: false,
} as const;

export type CreateOrderBody = FromSchema<typeof createOrderBodySchema>;
export type OrderLineInput = FromSchema<typeof lineSchema>;

/** PATCH /api/orders/:id: the fields sent change; lines replace all lines, only until the order has shipped. */
export const updateOrderBodySchema = {
  title: 'Order change',
  type: 'object',
  properties: {
    lines: { ...linesSchema, description: 'every line of the order (they replace the old ones); the amount follows' },
    dueOn: dueOnSchema,
    shippingAddress: shippingAddressSchema,
    expectedShipOn: expectedShipOnSchema,
    note: noteSchema,
    version: versionSchema,
  },
  additionalProperties: false,
} as const;

export type UpdateOrderBody = FromSchema<typeof updateOrderBodySchema>;

/** POST /api/orders/:id/payments */
export const recordPaymentBodySchema = {
  title: 'New payment',
  type: 'object',
  properties: {
    amount: { type: 'number', minimum: 0.01, maximum: 999999999999.99, description: 'received, two decimals; at most what is still open' },
    paidOn: { type: 'string', format: 'date', description: 'the day the money arrived' },
    method: { enum: paymentMethods },
    note: { type: ['string', 'null'], maxLength: 1000 },
    version: { ...versionSchema, description: 'the order version you saw (or If-Match); optional' },
  },
  required: ['amount', 'paidOn', 'method'],
  additionalProperties: false,
} as const;

export type RecordPaymentBody = FromSchema<typeof recordPaymentBodySchema>;
