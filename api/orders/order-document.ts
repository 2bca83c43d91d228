import type { FromSchema } from 'json-schema-to-ts';
import { stageFlagsSchema } from '../../definitions/effect-catalogue.schema.ts';
import { paymentStateOf, paymentStates } from './order-values.ts';
import type { OrderLineRow, OrderRow } from './order.entity.ts';

const definitionSchema = {
  type: 'object',
  properties: { key: { type: 'string' }, version: { type: 'integer', minimum: 1 } },
  required: ['key', 'version'],
  additionalProperties: false,
  description: 'the published machine version it runs on',
} as const;

/** An order as the API shows it and the audit trail keeps it, with its lines. */
export const orderViewSchema = {
  title: 'Order',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    customerId: { type: 'integer', minimum: 1 },
    opportunityId: { type: ['integer', 'null'] },
    orderNumber: { type: 'string' },
    status: { type: 'string', description: 'the order machine’s state (GET /api/orders/:id/actions lists the ways on)' },
    flags: { ...stageFlagsSchema, description: 'the state’s flags: tracking is tracking or paused' },
    amount: { type: 'number', description: 'the sum of the lines' },
    paidAmount: { type: 'number' },
    isPaid: { type: 'boolean' },
    paymentState: { enum: paymentStates, description: 'unpaid, partlyPaid or paid: the payments against the amount' },
    dueOn: { type: ['string', 'null'], format: 'date' },
    ownerId: { type: ['integer', 'null'] },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          product: { type: 'string' },
          quantity: { type: 'number' },
          unitPrice: { type: 'number' },
          amount: { type: 'number' },
        },
        required: ['product', 'quantity', 'unitPrice', 'amount'],
        additionalProperties: false,
      },
    },
    definition: definitionSchema,
    customFields: { type: 'object' },
    createdBy: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    nextFollowUpAt: { type: ['string', 'null'], format: 'date-time' },
    shippingAddress: { type: ['string', 'null'] },
    expectedShipOn: { type: ['string', 'null'], format: 'date' },
    note: { type: ['string', 'null'] },
    shippedAt: { type: ['string', 'null'], format: 'date-time', description: 'when it first entered a shipped state; its lines are fixed from then on' },
    version: { type: 'integer', minimum: 1 },
  },
  required: [
    'id', 'customerId', 'opportunityId', 'orderNumber', 'status', 'flags', 'amount', 'paidAmount', 'isPaid', 'paymentState',
    'dueOn', 'ownerId', 'lines', 'definition', 'customFields', 'createdBy', 'createdAt', 'updatedAt', 'nextFollowUpAt',
    'shippingAddress', 'expectedShipOn', 'note', 'shippedAt', 'version',
  ],
  additionalProperties: false,
} as const;

export type OrderView = FromSchema<typeof orderViewSchema>;

/** Built field by field, so a new column never reaches a response by default. */
export function orderDocument(row: OrderRow, lines: readonly OrderLineRow[]): OrderView {
  return {
    id: row.id,
    customerId: row.customerId,
    opportunityId: row.opportunityId ?? null,
    orderNumber: row.orderNumber,
    status: row.stage,
    flags: row.machineSnapshot.flags,
    amount: Number(row.amount),
    paidAmount: Number(row.paidAmount),
    isPaid: row.isPaid,
    paymentState: paymentStateOf(Number(row.amount), Number(row.paidAmount)),
    dueOn: row.dueOn ?? null,
    ownerId: row.ownerId ?? null,
    lines: [...lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({ product: line.product, quantity: Number(line.quantity), unitPrice: Number(line.unitPrice), amount: Number(line.amount) })),
    definition: { key: row.definitionKey, version: row.definitionVersion },
    customFields: { ...row.customFields },
    createdBy: row.createdBy ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    nextFollowUpAt: row.nextFollowUpAt == null ? null : row.nextFollowUpAt.toISOString(),
    shippingAddress: row.shippingAddress ?? null,
    expectedShipOn: row.expectedShipOn ?? null,
    note: row.note ?? null,
    shippedAt: row.shippedAt == null ? null : row.shippedAt.toISOString(),
    version: row.version,
  };
}
