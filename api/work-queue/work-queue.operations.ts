import { defineOperation, type ApiTag } from '../http/operation.ts';
import { nextQueueItemQuerySchema, nextQueueItemViewSchema, workQueueQuerySchema, workQueueViewSchema } from './work-queue-view.schema.ts';

export const workQueueTag = {
  name: 'work-queue',
  title: { en: 'Work queue', 'zh-CN': '销售主线' },
  description: {
    en: 'Your daily work line, generated from the published queue policy over the records you own: sections in order, items by value with overdue ones first, and counts per customer stage for today, tomorrow, this week, overdue and contacted today in your time zone.',
    'zh-CN': '按已发布的队列策略、从您负责的记录生成的每日工作主线：分区依次排列，事项按价值排序且逾期优先，并按客户阶段统计今天、明天、本周、逾期及今日已联系的数量（以您的时区计）。',
  },
} as const satisfies ApiTag;

const badPosition = '`validation`: a `cursor` or `after` that is not a position the queue answered (`/query/cursor`, `/query/after`), or an unknown `section`.';

export const workQueueOperation = defineOperation({
  operationId: 'getWorkQueue',
  method: 'get',
  path: '/me/queue',
  summary: { en: 'Your work queue', 'zh-CN': '我的销售主线' },
  description:
    'The records you own (personal and collaborative customers, and the opportunities, orders and tickets of those ' +
    'customers) — whatever your role may see otherwise — in the sections of the published queue policy. A record shows ' +
    'in the first section whose condition it meets. Each section lists up to `limit` items; its `nextCursor`, passed as ' +
    '`cursor`, answers that section’s next page only. Fields your role hides or masks are hidden or masked here too.',
  tags: [workQueueTag],
  auth: 'session',
  query: workQueueQuerySchema,
  responses: { 200: { description: 'The stage counts and the sections.', body: workQueueViewSchema } },
  problems: { 400: badPosition, 503: '`queue-policy-unusable`: the published queue policy names a fact or state the published definitions no longer have.' },
});

export const nextQueueItemOperation = defineOperation({
  operationId: 'getNextQueueItem',
  method: 'get',
  path: '/me/queue/next',
  summary: { en: 'The next item of your work queue', 'zh-CN': '工作队列的下一项' },
  description:
    'The item after `after` (an item’s `position`): the rest of its section, then the next sections from the top. ' +
    'Without `after`, the first item. Walking from the first item with each answer’s position visits every item once; ' +
    'a position keeps its place even when the item has changed since (a call logged, a follow-up moved).',
  tags: [workQueueTag],
  auth: 'session',
  query: nextQueueItemQuerySchema,
  responses: { 200: { description: 'The next item, or null at the end.', body: nextQueueItemViewSchema } },
  problems: { 400: badPosition, 503: '`queue-policy-unusable`: as for the queue.' },
});
