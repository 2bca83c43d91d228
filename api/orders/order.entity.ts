import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { machineRecordProperties } from '../transitions/machine-record.properties.ts';

/**
 * An order (订单) of a customer, table sales_order: its state in the published order machine (column `status`, the
 * catalogue's machine-state fact; `stage` here, as every record with a machine calls it), the amount summed from its
 * lines, what is paid (the sum of its payments), where and when it ships. Columns follow definitions/defaults/facts/order.facts.json.
 */
export const Order = defineEntity({
  name: 'Order',
  tableName: 'sales_order',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    customerId: p.bigint('number'),
    opportunityId: p.bigint('number').nullable(),
    orderNumber: p.string().length(40),
    stage: p.string().length(64).fieldName('status'),
    amount: p.decimal('number').precision(14).scale(2),
    paidAmount: p.decimal('number').precision(14).scale(2),
    isPaid: p.boolean(),
    dueOn: p.string().columnType('date').nullable(),
    ownerId: p.bigint('number').nullable(),
    ...machineRecordProperties,
    customFields: p.json<Record<string, unknown>>(),
    nextFollowUpAt: p.datetime().nullable(),
    shippingAddress: p.string().length(500).nullable(),
    expectedShipOn: p.string().columnType('date').nullable(),
    note: p.text().nullable(),
    shippedAt: p.datetime().nullable(),
  },
});

export type OrderRow = InferEntity<typeof Order>;

/** One line of an order: amount = quantity × unit price, rounded to cents. */
export const OrderLine = defineEntity({
  name: 'OrderLine',
  tableName: 'order_line',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    orderId: p.bigint('number'),
    position: p.integer(),
    product: p.string().length(200),
    quantity: p.decimal('number').precision(12).scale(2),
    unitPrice: p.decimal('number').precision(14).scale(2),
    amount: p.decimal('number').precision(14).scale(2),
  },
});

export type OrderLineRow = InferEntity<typeof OrderLine>;
