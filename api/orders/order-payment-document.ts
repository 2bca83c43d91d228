import type { FromSchema } from 'json-schema-to-ts';
import { paymentMethods, type OrderPaymentRow } from './order-payment.entity.ts';

/** A payment as the API shows it and the audit trail keeps it. */
export const orderPaymentViewSchema = {
  title: 'Order payment',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    orderId: { type: 'integer', minimum: 1 },
    amount: { type: 'number' },
    paidOn: { type: 'string', format: 'date' },
    method: { enum: paymentMethods },
    note: { type: ['string', 'null'] },
    recordedBy: { type: ['integer', 'null'] },
    recordedAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'orderId', 'amount', 'paidOn', 'method', 'note', 'recordedBy', 'recordedAt'],
  additionalProperties: false,
} as const;

export type OrderPaymentView = FromSchema<typeof orderPaymentViewSchema>;

export function orderPaymentDocument(row: OrderPaymentRow): OrderPaymentView {
  return {
    id: row.id,
    orderId: row.orderId,
    amount: Number(row.amount),
    paidOn: row.paidOn,
    method: row.method,
    note: row.note ?? null,
    recordedBy: row.recordedBy ?? null,
    recordedAt: row.recordedAt.toISOString(),
  };
}
