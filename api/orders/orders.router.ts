import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { route } from '../http/route-operation.ts';
import { recordEventRoutes } from '../transitions/record-event-routes.ts';
import { versionRequired } from '../users/user-problems.ts';
import { createOrder } from './create-order.command.ts';
import { findOrder, listCustomerOrders, listOrderPayments, listOrders } from './list-orders.query.ts';
import { orderEventAdapter } from './order-event-adapter.ts';
import { noSuchOrder } from './order-problems.ts';
import {
  listOrdersOperation,
  createOrderOperation,
  fireOrderEventOperation,
  getOrderOperation,
  listCustomerOrdersOperation,
  listOrderActionsOperation,
  listOrderPaymentsOperation,
  recordOrderPaymentOperation,
  updateOrderOperation,
} from './orders.operations.ts';
import { recordPayment } from './record-payment.command.ts';
import { updateOrder } from './update-order.command.ts';

/** Orders (订单) of customers: create with lines, read, change, record payments, and move through the order machine by events. */
export function ordersRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const customerId = (raw: string) => recordId(raw, noSuchCustomer);
  const orderId = (raw: string) => recordId(raw, noSuchOrder);

  route(router, listOrdersOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listOrders(orm, signedInOf(response), query));
  });

  route(router, listCustomerOrdersOperation, signedIn, async ({ params }, _request, response) => {
    const id = customerId(params.id);
    const orders = await listCustomerOrders(orm, signedInOf(response), id);
    if (orders === undefined) throw noSuchCustomer(id);
    response.json(orders);
  });

  route(router, createOrderOperation, signedIn, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    const { order } = await createOrder(orm, requestOrigin(request, response), signedInOf(response), id, body);
    response.status(201).location(`/api/orders/${order.id}`).set('ETag', `"${order.version}"`).json(order);
  });

  route(router, getOrderOperation, signedIn, async ({ params }, _request, response) => {
    const id = orderId(params.id);
    const order = await findOrder(orm, signedInOf(response), id);
    if (order === undefined) throw noSuchOrder(id);
    response.set('ETag', `"${order.version}"`).json(order);
  });

  route(router, updateOrderOperation, signedIn, async ({ params, body }, request, response) => {
    const id = orderId(params.id);
    const version = expectedVersion(request, body.version);
    if (version === undefined) throw versionRequired();
    const order = await updateOrder(orm, requestOrigin(request, response), signedInOf(response), id, version, body);
    response.set('ETag', `"${order.version}"`).json(order);
  });

  route(router, listOrderPaymentsOperation, signedIn, async ({ params }, _request, response) => {
    const id = orderId(params.id);
    const payments = await listOrderPayments(orm, signedInOf(response), id);
    if (payments === undefined) throw noSuchOrder(id);
    response.json(payments);
  });

  route(router, recordOrderPaymentOperation, signedIn, async ({ params, body }, request, response) => {
    const id = orderId(params.id);
    const recorded = await recordPayment(orm, requestOrigin(request, response), signedInOf(response), id, expectedVersion(request, body.version), body);
    response.status(201).location(`/api/orders/${id}/payments`).set('ETag', `"${recorded.order.version}"`).json(recorded);
  });

  recordEventRoutes(router, orm, signedIn, orderEventAdapter, { fire: fireOrderEventOperation, actions: listOrderActionsOperation });
  return router;
}
