import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { systemActor } from '../transitions/event-actor.ts';
import { fireRecordEvent, type FiredEvent } from '../transitions/fire-record-event.command.ts';
import { insertOrderPayment } from './insert-order-payment.ts';
import type { RecordPaymentBody } from './order-bodies.schema.ts';
import { orderDocument, type OrderView } from './order-document.ts';
import { orderEventAdapter } from './order-event-adapter.ts';
import { orderForWrite } from './order-for-write.ts';
import type { OrderPaymentView } from './order-payment-document.ts';
import { OrderLine } from './order.entity.ts';

/** The event the order machine hears when money arrives. */
export const paymentRecordedEvent = 'PAYMENT_RECORDED';

/**
 * Records a payment on an order the caller may edit (see orderForWrite), then tells the order's machine
 * PAYMENT_RECORDED in the same transaction, as the system: the payment is something the runtime observed, like a
 * logged call, so the machine decides on the new paid amount (paid in full: paid or completed; in part: a follow-up
 * to collect the rest), and a state that does not take it (pending) just keeps the payment.
 */
export async function recordPayment(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  expectedVersion: number | undefined,
  body: RecordPaymentBody,
): Promise<{ payment: OrderPaymentView; order: OrderView; event: FiredEvent | null }> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const order = await orderForWrite(em, caller, id, expectedVersion, { en: 'record payments', 'zh-CN': '登记收款' });
    const payment = await insertOrderPayment(context, order, {
      amount: body.amount,
      paidOn: body.paidOn,
      method: body.method,
      note: body.note ?? null,
      recordedBy: caller.user.id,
    });
    // The payment already moved the version; the machine's step is part of the same change, so it keeps it.
    const outcome = await fireRecordEvent(
      context,
      orderEventAdapter,
      order.id,
      { type: paymentRecordedEvent, payload: { paymentId: payment.id, amount: payment.amount } },
      systemActor(caller.user.timeZone),
      { keepVersion: true, cause: `payment:${payment.id}` },
    );
    const row = outcome.ok ? outcome.row : order;
    const lines = await em.find(OrderLine, { orderId: row.id }, { orderBy: { position: 'asc' } });
    return { payment, order: orderDocument(row, lines), event: outcome.ok ? outcome.fired : null };
  });
}
