import { defineOperation, type ApiTag } from '../http/operation.ts';
import { pageSchemaOf } from '../customers/customer-view.schema.ts';
import { deadLetterActionViewSchema, deadLetterPageQuerySchema, deadLetterViewSchema } from './dead-letter-view.schema.ts';

export const outboxTag = {
  name: 'outbox',
  title: { en: 'Outbox dead letters', 'zh-CN': '发件箱死信' },
  description: {
    en: 'Effects (SMS, notifications, owner changes …) that failed every try or cannot be delivered as configured: administrators see why, retry them once the cause is fixed, or discard them.',
    'zh-CN': '所有重试均失败或按当前配置无法投递的效果（短信、通知、负责人变更等）：管理员可查看原因，修复后重试，或将其丢弃。',
  },
} as const satisfies ApiTag;

const deadLetterIdParams = {
  type: 'object',
  properties: {
    // Text, not integer: an id that is not a whole number names no dead letter and answers 404 like an unknown one.
    id: { type: 'string', description: 'the outbox message’s id' },
  },
  required: ['id'],
} as const;

const notParked = '`not-found`: no outbox message with this id is parked (never one, delivered, or already retried or discarded).';

export const listDeadLettersOperation = defineOperation({
  operationId: 'listDeadLetters',
  method: 'get',
  path: '/admin/outbox/dead-letters',
  summary: { en: 'List dead letters', 'zh-CN': '列出死信' },
  description: 'Most recently parked first, one page at a time, each with its topic, last error, tries and the reason in both languages.',
  tags: [outboxTag],
  auth: { permissions: ['mayManageDefinitions'] },
  query: deadLetterPageQuerySchema,
  responses: { 200: { description: 'A page of dead letters.', body: pageSchemaOf('Dead letter page', deadLetterViewSchema) } },
});

export const retryDeadLetterOperation = defineOperation({
  operationId: 'retryDeadLetter',
  method: 'post',
  path: '/admin/outbox/dead-letters/:id/retry',
  summary: { en: 'Retry a dead letter', 'zh-CN': '重试死信' },
  description: 'The message is due again with a fresh set of tries; a worker delivers it within one sweep. Audited.',
  tags: [outboxTag],
  auth: { permissions: ['mayManageDefinitions'] },
  params: deadLetterIdParams,
  responses: { 200: { description: 'Pending again.', body: deadLetterActionViewSchema } },
  problems: { 404: notParked },
});

export const discardDeadLetterOperation = defineOperation({
  operationId: 'discardDeadLetter',
  method: 'post',
  path: '/admin/outbox/dead-letters/:id/discard',
  summary: { en: 'Discard a dead letter', 'zh-CN': '丢弃死信' },
  description: 'The message is kept as `discarded` and never delivered. Audited.',
  tags: [outboxTag],
  auth: { permissions: ['mayManageDefinitions'] },
  params: deadLetterIdParams,
  responses: { 200: { description: 'Discarded.', body: deadLetterActionViewSchema } },
  problems: { 404: notParked },
});
