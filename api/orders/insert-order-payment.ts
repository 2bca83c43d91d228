import type { CommandContext } from '../commands/command-context.ts';
import { orderPaymentDocument, type OrderPaymentView } from './order-payment-document.ts';
import { OrderPayment, type PaymentMethod } from './order-payment.entity.ts';
import { overpayment } from './order-problems.ts';
import { cents, isPaidInFull, paymentStateOf } from './order-values.ts';
import type { OrderRow } from './order.entity.ts';

export interface NewOrderPayment {
  amount: number;
  paidOn: string;
  method: PaymentMethod;
  note: string | null;
  recordedBy: number | null;
  /** Demo data backdates its payments; everything else is recorded now. */
  recordedAt?: Date;
}

const moneyOf = (order: OrderRow) => ({
  paidAmount: Number(order.paidAmount),
  isPaid: order.isPaid,
  paymentState: paymentStateOf(Number(order.amount), Number(order.paidAmount)),
});

/**
 * Records a payment of a locked order inside the command's transaction: refuses more than is still open (400 at
 * `/amount`), adds the payment row, raises the order's paid amount (paid in full once it reaches the amount), and
 * leaves an audit entry with the order's money before and after. The caller decides what the machine hears of it.
 */
export async function insertOrderPayment(context: CommandContext, order: OrderRow, input: NewOrderPayment): Promise<OrderPaymentView> {
  const { em } = context;
  const openCents = cents(Number(order.amount)) - cents(Number(order.paidAmount));
  if (cents(input.amount) > openCents) throw overpayment(Math.max(0, openCents) / 100);
  const recordedAt = input.recordedAt ?? context.now;
  const before = moneyOf(order);
  const row = em.create(OrderPayment, {
    orderId: order.id,
    amount: cents(input.amount) / 100,
    paidOn: input.paidOn,
    method: input.method,
    note: input.note,
    recordedBy: input.recordedBy,
    recordedAt,
  });
  const paid = (cents(Number(order.paidAmount)) + cents(input.amount)) / 100;
  order.paidAmount = paid;
  order.isPaid = isPaidInFull(Number(order.amount), paid);
  order.updatedAt = recordedAt;
  await em.flush();

  const payment = orderPaymentDocument(row);
  context.audit({
    entity: 'order',
    recordId: order.id,
    customerId: order.customerId,
    action: 'payment',
    before: { ...before },
    after: { ...moneyOf(order), payment: { ...payment } },
    why: { kind: 'reason', code: 'payment' },
  });
  return payment;
}
