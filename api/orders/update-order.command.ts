import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { validationFailed } from '../http/http-problem.ts';
import type { UpdateOrderBody } from './order-bodies.schema.ts';
import { orderDocument, type OrderView } from './order-document.ts';
import { orderForWrite } from './order-for-write.ts';
import { linesBelowPaid, orderLinesFixed } from './order-problems.ts';
import { linesMayChange } from './order-shipping.ts';
import { cents, isPaidInFull, orderAmountProblems, orderLineValues } from './order-values.ts';
import { OrderLine } from './order.entity.ts';

const settable = ['lines', 'dueOn', 'shippingAddress', 'expectedShipOn', 'note'] as const;

/**
 * Changes an order from the version the caller loaded: its address, dates and note, and — until it has shipped —
 * its lines, which replace the old ones and set the amount again (never below what is paid). Refused as
 * orderForWrite says, then 409 `order-shipped` for lines of a shipped order, 400 for lines below the paid amount.
 */
export async function updateOrder(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  expectedVersion: number,
  body: UpdateOrderBody,
): Promise<OrderView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const order = await orderForWrite(em, caller, id, expectedVersion, { en: 'change orders', 'zh-CN': '修改订单' });
    const oldLines = await em.find(OrderLine, { orderId: order.id }, { orderBy: { position: 'asc' } });
    const before = orderDocument(order, oldLines);

    let lines = oldLines;
    if (body.lines !== undefined) {
      if (!linesMayChange(order)) throw orderLinesFixed();
      const values = orderLineValues(body.lines);
      const problems = orderAmountProblems(values);
      if (problems.length > 0) throw validationFailed(problems);
      if (values.amountCents < cents(Number(order.paidAmount))) throw linesBelowPaid(values.amountCents / 100, Number(order.paidAmount));
      for (const line of oldLines) em.remove(line);
      await em.flush();
      lines = values.lines.map((line) =>
        em.create(OrderLine, {
          orderId: order.id,
          position: line.position,
          product: line.product,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          amount: line.amountCents / 100,
        }),
      );
      order.amount = values.amountCents / 100;
      order.isPaid = isPaidInFull(order.amount, Number(order.paidAmount));
    }
    if (body.dueOn !== undefined) order.dueOn = body.dueOn;
    if (body.shippingAddress !== undefined) order.shippingAddress = body.shippingAddress;
    if (body.expectedShipOn !== undefined) order.expectedShipOn = body.expectedShipOn;
    if (body.note !== undefined) order.note = body.note;
    order.updatedAt = context.now;
    await em.flush();

    const after = orderDocument(order, lines);
    context.audit({
      entity: 'order',
      recordId: order.id,
      customerId: order.customerId,
      action: 'update',
      before: { ...before },
      after: { ...after },
      why: { kind: 'reason', code: 'edit', fields: settable.filter((key) => body[key] !== undefined) },
    });
    return after;
  });
}
