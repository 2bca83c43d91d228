import { customersTag, ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { defineOperation } from '../http/operation.ts';
import { recordActionSchema } from './record-action.schema.ts';
import { eventProblems, firedEventSchema, recordEventBodySchema } from './record-event-bodies.schema.ts';

export const fireCustomerEventOperation = defineOperation({
  operationId: 'fireCustomerEvent',
  method: 'post',
  path: '/customers/:id/events',
  summary: { en: 'Send the customer’s machine an event', 'zh-CN': '向客户流程发送事件' },
  description:
    'The only way a customer changes stage or flags: the engine judges the event on the definition version the customer ' +
    'runs on, as your role, over the customer’s facts; the new stage, the audit entry (the engine’s trace as why) and ' +
    'the effects (outbox) commit together. Pausing tracking pauses the customer’s selling opportunities too.',
  tags: [customersTag],
  auth: 'session',
  params: { type: 'object', properties: { id: { type: 'string', description: 'the customer’s id' } }, required: ['id'] },
  headers: { 'If-Match': { ...ifMatchHeader, required: false } },
  body: recordEventBodySchema,
  responses: { 200: { description: 'Taken.', body: firedEventSchema, headers: { ETag: versionHeader } } },
  problems: {
    ...eventProblems,
    404: '`not-found`: no such customer, or not one your role may see (the answer does not tell which).',
  },
});

export const listCustomerActionsOperation = defineOperation({
  operationId: 'listCustomerActions',
  method: 'get',
  path: '/customers/:id/actions',
  summary: { en: 'The buttons of the customer’s stage', 'zh-CN': '客户当前阶段可执行的操作' },
  description: 'From the definition version the customer runs on, judged for you now: available or not, and why not.',
  tags: [customersTag],
  auth: 'session',
  params: { type: 'object', properties: { id: { type: 'string', description: 'the customer’s id' } }, required: ['id'] },
  responses: { 200: { description: 'In the definition’s order.', body: { type: 'array', items: recordActionSchema } } },
  problems: { 404: '`not-found`: no such customer, or not one your role may see (the answer does not tell which).' },
});
