import { customersTag, ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { defineOperation } from '../http/operation.ts';
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
