import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const paymentMethods = ['bankTransfer', 'cash', 'card', 'alipay', 'wechatPay', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * One payment received for an order (收款记录): never changed once recorded, so the order's paid amount is always the
 * sum of its rows. A correction is a new payment record, not an edit.
 */
export const OrderPayment = defineEntity({
  name: 'OrderPayment',
  tableName: 'order_payment',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    orderId: p.bigint('number'),
    amount: p.decimal('number').precision(14).scale(2),
    paidOn: p.string().columnType('date'),
    method: p.string().length(16).$type<PaymentMethod>(),
    note: p.string().length(1000).nullable(),
    recordedBy: p.bigint('number').nullable(),
    recordedAt: p.datetime(),
  },
});

export type OrderPaymentRow = InferEntity<typeof OrderPayment>;
