import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { requestOrigin } from '../commands/request-origin.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { route } from '../http/route-operation.ts';
import { recordEventRoutes } from '../transitions/record-event-routes.ts';
import { createOrder } from './create-order.command.ts';
import { findOrder, listCustomerOrders } from './list-orders.query.ts';
import { orderEventAdapter } from './order-event-adapter.ts';
import { noSuchOrder } from './order-problems.ts';
import {
  createOrderOperation,
  fireOrderEventOperation,
  getOrderOperation,
  listCustomerOrdersOperation,
  listOrderActionsOperation,
} from './orders.operations.ts';

/** Orders (订单) of customers: create with lines, read, and move through the order machine by events. */
export function ordersRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const customerId = (raw: string) => recordId(raw, noSuchCustomer);
  const orderId = (raw: string) => recordId(raw, noSuchOrder);

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

  recordEventRoutes(router, orm, signedIn, orderEventAdapter, { fire: fireOrderEventOperation, actions: listOrderActionsOperation });
  return router;
}
