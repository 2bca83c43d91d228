import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { orderDocument, type OrderView } from './order-document.ts';
import { orderEventAdapter } from './order-event-adapter.ts';
import { OrderLine, type OrderRow } from './order.entity.ts';
import { Order } from './order.entity.ts';
import { orderPaymentDocument, type OrderPaymentView } from './order-payment-document.ts';
import { OrderPayment } from './order-payment.entity.ts';
import { personActor } from '../transitions/event-actor.ts';

async function withLines(em: EntityManager, rows: readonly OrderRow[]): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const lines = await em.find(OrderLine, { orderId: { $in: rows.map((row) => row.id) } }, { orderBy: { orderId: 'asc', position: 'asc' } });
  return rows.map((row) => orderDocument(row, lines.filter((line) => line.orderId === row.id)));
}

/** A customer's live orders with their lines, newest first; undefined when the caller may not see the customer. */
export async function listCustomerOrders(orm: MikroORM, caller: SignedIn, customerId: number): Promise<OrderView[] | undefined> {
  const em = orm.em.fork();
  if ((await visibleCustomer(em, customerScopeOf(caller), customerId, 'live')) === undefined) return undefined;
  const rows = await em.find(Order, { customerId, deletedAt: null }, { orderBy: { id: 'desc' } });
  return withLines(em, rows);
}

/** One order whose customer the caller sees, with its lines. */
export async function findOrder(orm: MikroORM, caller: SignedIn, id: number): Promise<OrderView | undefined> {
  const em = orm.em.fork();
  const row = await orderEventAdapter.loadVisible(em, personActor(caller), id, false);
  return row === undefined ? undefined : (await withLines(em, [row]))[0];
}

/** An order's payments, oldest first; undefined when the caller may not see the order. */
export async function listOrderPayments(orm: MikroORM, caller: SignedIn, id: number): Promise<OrderPaymentView[] | undefined> {
  const em = orm.em.fork();
  const row = await orderEventAdapter.loadVisible(em, personActor(caller), id, false);
  if (row === undefined) return undefined;
  const payments = await em.find(OrderPayment, { orderId: row.id }, { orderBy: { id: 'asc' } });
  return payments.map(orderPaymentDocument);
}
