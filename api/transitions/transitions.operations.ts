import { customersTag, ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { localizedTextSchema } from '../../definitions/localized-text.schema.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';

/** The entities whose records move through a machine. */
export const machineEntities = ['customer', 'opportunity', 'order', 'ticket', 'lead'] as const;
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

export const machinesTag = {
  name: 'machines',
  title: { en: 'Machines', 'zh-CN': '流程' },
  description: {
    en: 'The published machines as lists show them: the states of an entity’s latest version with their labels and colours.',
    'zh-CN': '列表所用的已发布流程：某类记录最新版本流程的各个状态及其名称和颜色。',
  },
} as const satisfies ApiTag;

const machineStateViewSchema = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    label: localizedTextSchema,
    color: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    final: { type: 'boolean' },
  },
  required: ['key', 'label', 'tags', 'final'],
  additionalProperties: false,
} as const;

export const listMachineStatesOperation = defineOperation({
  operationId: 'listMachineStates',
  method: 'get',
  path: '/machines/:entity/states',
  summary: { en: 'The states of an entity’s machine', 'zh-CN': '某类记录流程的状态' },
  description:
    'The states of the latest published machine of `entity` (customer, opportunity, order, ticket, lead) in the ' +
    'designer’s layout order — for navigation, status filters and labels. Records on older versions keep theirs.',
  tags: [machinesTag],
  auth: 'session',
  params: { type: 'object', properties: { entity: { enum: machineEntities } }, required: ['entity'] },
  responses: {
    200: {
      description: 'The machine version and its states.',
      body: {
        type: 'object',
        properties: { key: { type: 'string' }, version: { type: 'integer' }, states: { type: 'array', items: machineStateViewSchema } },
        required: ['key', 'version', 'states'],
        additionalProperties: false,
      },
    },
  },
  problems: {
    400: '`validation`: an entity without a machine (`/params/entity`).',
    503: '`definitions-missing`: no machine of that entity is published yet.',
  },
});
