import type { FromSchema } from 'json-schema-to-ts';
import { ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { listDescription, listPageBody, listProblems } from '../lists/list-operation-parts.ts';
import { listQueryProperties } from '../lists/list-query.schema.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import { recordActionSchema } from '../transitions/record-action.schema.ts';
import { eventProblems, firedEventSchema, recordEventBodySchema } from '../transitions/record-event-bodies.schema.ts';
import { createOrderBodySchema, recordPaymentBodySchema, updateOrderBodySchema } from './order-bodies.schema.ts';
import { orderViewSchema } from './order-document.ts';
import { orderPaymentViewSchema } from './order-payment-document.ts';

export const ordersTag = {
  name: 'orders',
  title: { en: 'Orders', 'zh-CN': '订单' },
  description: {
    en: 'A customer’s orders with their lines and payments, followed through confirmation, payment and shipping by the order machine. A new order wins its customer.',
    'zh-CN': '客户的订单及其明细和收款记录，由订单流程跟进确认、收款和发货。新建订单使客户成交。',
  },
} as const satisfies ApiTag;

const idParams = (what: string) =>
  ({ type: 'object', properties: { id: { type: 'string', description: what } }, required: ['id'] }) as const;

const customerNotVisible = '`not-found`: no such customer, or not one your role may see (the answer does not tell which).';
const notVisible = '`not-found`: no such order, or its customer is not one your role may see.';

/** GET /api/orders */
export const listOrdersQuerySchema = {
  type: 'object',
  properties: { status: { type: 'string', maxLength: 64, description: 'only orders in this state' }, ...listQueryProperties('order') },
  additionalProperties: false,
} as const;
export type ListOrdersQuery = FromSchema<typeof listOrdersQuerySchema>;

export const listOrdersOperation = defineOperation({
  operationId: 'listOrders',
  method: 'get',
  path: '/orders',
  summary: { en: 'Orders you may see', 'zh-CN': '可见的订单' },
  description: `Those of every customer you may see, with their lines. ${listDescription('order')}`,
  tags: [ordersTag],
  auth: 'session',
  query: listOrdersQuerySchema,
  responses: { 200: { description: 'A page of orders.', body: listPageBody('Order list page', orderViewSchema, 'orders') } },
  problems: { ...listProblems, 503: '`definitions-missing`: a filter or sort needs the published order machine.' },
});

export const listCustomerOrdersOperation = defineOperation({
  operationId: 'listCustomerOrders',
  method: 'get',
  path: '/customers/:id/orders',
  summary: { en: 'The customer’s orders', 'zh-CN': '客户的订单' },
  tags: [ordersTag],
  auth: 'session',
  params: idParams('the customer’s id'),
  responses: { 200: { description: 'Newest first, each with its lines.', body: { type: 'array', items: orderViewSchema } } },
  problems: { 404: customerNotVisible },
});

export const createOrderOperation = defineOperation({
  operationId: 'createOrder',
  method: 'post',
  path: '/customers/:id/orders',
  summary: { en: 'Create an order', 'zh-CN': '新建订单' },
  description:
    'Yours, with its lines; the amount is the sum of quantity × unit price. It starts in the order machine’s first state on the ' +
    'latest published machine, and the customer’s machine gets DEAL_WON in the same transaction (where its stage takes it).',
  tags: [ordersTag],
  auth: 'session',
  params: idParams('the customer’s id'),
  body: createOrderBodySchema,
  responses: {
    201: {
      description: 'Created.',
      body: orderViewSchema,
      headers: { Location: { description: 'the new order’s address', schema: { type: 'string' } }, ETag: versionHeader },
    },
  },
  problems: {
    403: '`forbidden`: the customer is in the pool and your role may not edit shared customers.',
    404: customerNotVisible,
    503: '`definitions-missing`: no order machine is published yet.',
  },
});

export const getOrderOperation = defineOperation({
  operationId: 'getOrder',
  method: 'get',
  path: '/orders/:id',
  summary: { en: 'Get one order', 'zh-CN': '查看订单' },
  tags: [ordersTag],
  auth: 'session',
  params: idParams('the order’s id'),
  responses: { 200: { description: 'The order with its lines.', body: orderViewSchema, headers: { ETag: versionHeader } } },
  problems: { 404: notVisible },
});

export const fireOrderEventOperation = defineOperation({
  operationId: 'fireOrderEvent',
  method: 'post',
  path: '/orders/:id/events',
  summary: { en: 'Send the order’s machine an event', 'zh-CN': '向订单流程发送事件' },
  description: 'CONFIRM, PAYMENT_RECORDED, SHIPPED, CANCEL, PAUSE_FOLLOW_UP, RESUME_FOLLOW_UP in the generic order machine.',
  tags: [ordersTag],
  auth: 'session',
  params: idParams('the order’s id'),
  headers: { 'If-Match': { ...ifMatchHeader, required: false } },
  body: recordEventBodySchema,
  responses: { 200: { description: 'Taken.', body: firedEventSchema, headers: { ETag: versionHeader } } },
  problems: { ...eventProblems, 404: notVisible },
});

export const listOrderActionsOperation = defineOperation({
  operationId: 'listOrderActions',
  method: 'get',
  path: '/orders/:id/actions',
  summary: { en: 'The buttons of the order’s state', 'zh-CN': '订单当前状态可执行的操作' },
  description: 'From the machine version it runs on, judged for you now: available or not, and why not.',
  tags: [ordersTag],
  auth: 'session',
  params: idParams('the order’s id'),
  responses: { 200: { description: 'In the definition’s order.', body: { type: 'array', items: recordActionSchema } } },
  problems: { 404: notVisible },
});

const writeProblems = {
  403: '`forbidden`: the order’s state does not let your role edit it, or its customer is in the pool and your role may not edit shared customers.',
  404: notVisible,
} as const;

export const updateOrderOperation = defineOperation({
  operationId: 'updateOrder',
  method: 'patch',
  path: '/orders/:id',
  summary: { en: 'Change an order', 'zh-CN': '修改订单' },
  description:
    'Shipping address, expected ship date, payment due date, note, and — until the order has shipped — its lines, which replace ' +
    'the old ones (the amount follows; never below what is paid). The state moves only through events. Say which version you changed.',
  tags: [ordersTag],
  auth: 'session',
  params: idParams('the order’s id'),
  headers: { 'If-Match': ifMatchHeader },
  body: updateOrderBodySchema,
  responses: { 200: { description: 'Changed.', body: orderViewSchema, headers: { ETag: versionHeader } } },
  problems: {
    ...writeProblems,
    409: '`stale-version`: changed since you loaded it; `order-shipped`: lines of an order that has shipped; `order-closed`: the order is completed or cancelled.',
    428: '`version-required`: neither If-Match nor `version` says which version you changed.',
  },
});

const recordedPaymentSchema = {
  title: 'Recorded payment',
  type: 'object',
  properties: {
    payment: orderPaymentViewSchema,
    order: orderViewSchema,
    event: { anyOf: [firedEventSchema, { type: 'null' }], description: 'what the order machine did with PAYMENT_RECORDED; null when its state does not take it' },
  },
  required: ['payment', 'order', 'event'],
  additionalProperties: false,
} as const;

export const recordOrderPaymentOperation = defineOperation({
  operationId: 'recordOrderPayment',
  method: 'post',
  path: '/orders/:id/payments',
  summary: { en: 'Record a payment', 'zh-CN': '登记收款' },
  description:
    'Raises the paid amount (unpaid → partlyPaid → paid) and sends the order machine PAYMENT_RECORDED as the system in the same ' +
    'transaction: paid in full moves it on, a part payment schedules collecting the rest. Never more than is still open.',
  tags: [ordersTag],
  auth: 'session',
  params: idParams('the order’s id'),
  headers: { 'If-Match': { ...ifMatchHeader, required: false } },
  body: recordPaymentBodySchema,
  responses: {
    201: {
      description: 'Recorded.',
      body: recordedPaymentSchema,
      headers: { Location: { description: 'the order’s payments', schema: { type: 'string' } }, ETag: versionHeader },
    },
  },
  problems: {
    400: '`validation` also when `amount` is more than the order still owes (at `/amount`).',
    ...writeProblems,
    409: '`stale-version`: a version was named and the order changed since; `order-closed`: the order is completed or cancelled.',
  },
});

export const listOrderPaymentsOperation = defineOperation({
  operationId: 'listOrderPayments',
  method: 'get',
  path: '/orders/:id/payments',
  summary: { en: 'The order’s payments', 'zh-CN': '订单的收款记录' },
  tags: [ordersTag],
  auth: 'session',
  params: idParams('the order’s id'),
  responses: { 200: { description: 'Oldest first.', body: { type: 'array', items: orderPaymentViewSchema } } },
  problems: { 404: notVisible },
});
