import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { ListPage } from '../customers/list-customers.query.ts';
import { customerChildListSource } from '../lists/customer-child-list-source.ts';
import { readListRequest } from '../lists/list-request.ts';
import { readListPage, type ListSource } from '../lists/list-rows.ts';
import { listFieldAccess, recordListCatalogue } from '../lists/record-list-catalogue.ts';
import type { ListOrdersQuery } from './orders.operations.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { orderDocument, type OrderView } from './order-document.ts';
import { orderEventAdapter } from './order-event-adapter.ts';
import { OrderLine, type OrderRow } from './order.entity.ts';
import { Order } from './order.entity.ts';
import { orderPaymentDocument, type OrderPaymentView } from './order-payment-document.ts';
import { OrderPayment } from './order-payment.entity.ts';
import { personActor } from '../transitions/event-actor.ts';

/** Orders with their lines, in the order given. */
export async function withLines(em: EntityManager, rows: readonly OrderRow[]): Promise<OrderView[]> {
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

/** Live orders whose customer the caller sees, of one status when asked, as a list source (the export's too). */
export function orderListSource(caller: SignedIn, catalogue: FactCatalogue, query: { status?: string }): ListSource {
  return customerChildListSource(caller, catalogue, { name: 'sales_order', alias: 'so' }, (bind) =>
    query.status === undefined ? [] : [`so.status = ${bind.add(query.status)}`],
  );
}

/** A page of every order the caller sees, with their lines, filtered and sorted like the customer list. */
export async function listOrders(orm: MikroORM, caller: SignedIn, query: ListOrdersQuery): Promise<ListPage<OrderView>> {
  const em = orm.em.fork();
  const access = await listFieldAccess(em, 'order', caller.role);
  const catalogue = await recordListCatalogue(em, 'order', query.filter !== undefined || query.sort !== undefined);
  const request = readListRequest(query, catalogue, access, caller.role.labels);
  const page = await readListPage(em, orderListSource(caller, catalogue, query), request, {
    limit: query.limit ?? 50,
    context: { now: new Date(), timeZone: caller.user.timeZone },
  });
  return { items: await withLines(em, page.rows.map((row) => em.map(Order, row))), nextCursor: page.nextCursor, total: page.total };
}
