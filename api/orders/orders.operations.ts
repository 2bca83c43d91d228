import { ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import { recordActionSchema } from '../transitions/record-action.schema.ts';
import { eventProblems, firedEventSchema, recordEventBodySchema } from '../transitions/record-event-bodies.schema.ts';
import { createOrderBodySchema } from './order-bodies.schema.ts';
import { orderViewSchema } from './order-document.ts';

export const ordersTag = {
  name: 'orders',
  title: { en: 'Orders', 'zh-CN': '订单' },
  description: {
    en: 'A customer’s orders with their lines, followed through confirmation, payment and shipping by the order machine. A new order wins its customer.',
    'zh-CN': '客户的订单及其明细，由订单流程跟进确认、收款和发货。新建订单使客户成交。',
  },
} as const satisfies ApiTag;

const idParams = (what: string) =>
  ({ type: 'object', properties: { id: { type: 'string', description: what } }, required: ['id'] }) as const;

const customerNotVisible = '`not-found`: no such customer, or not one your role may see (the answer does not tell which).';
const notVisible = '`not-found`: no such order, or its customer is not one your role may see.';

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
