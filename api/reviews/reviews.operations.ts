import { defineOperation, type ApiTag } from '../http/operation.ts';
import { reviewActivityQuerySchema, reviewActivityViewSchema } from './review-activity.schema.ts';
import {
  flaggedCustomersPageSchema,
  flaggedCustomersQuerySchema,
  teamContactRecordsPageSchema,
  teamContactRecordsQuerySchema,
} from './review-lists.schema.ts';

export const reviewsTag = {
  name: 'reviews',
  title: { en: 'Review & analysis', 'zh-CN': '回顾分析' },
  description: {
    en: 'What people did, counted per person per day, week or month in your time zone: new customers, contact records, opportunities and orders with their amounts.',
    'zh-CN': '按人、按天/周/月（以您的时区计）统计的工作量：新增客户、联系记录、商机和订单及其金额。',
  },
} as const satisfies ApiTag;

export const reviewActivityOperation = defineOperation({
  operationId: 'getReviewActivity',
  method: 'get',
  path: '/reviews/activity',
  summary: { en: 'Activity per person per period', 'zh-CN': '按人按周期的工作量' },
  description:
    'Counts for every person you review — yourself as a rep, your team as a manager, everyone (or `team`) as an ' +
    'administrator — in every bucket from `from` to `to`, zeros included. A day runs from midnight to midnight in your ' +
    'time zone; weeks start on Monday; a first week or month that starts before `from` counts only from `from`. New ' +
    'customers count for whoever created them, contact records for their author, opportunities and orders for their owner; ' +
    'records in the recycle bin do not count.',
  tags: [reviewsTag],
  auth: 'session',
  query: reviewActivityQuerySchema,
  responses: { 200: { description: 'The people, the buckets and a row per person per bucket.', body: reviewActivityViewSchema } },
  problems: {
    400: '`validation` also for `to` before `from` or a period longer than 366 days (`/query/to`).',
    403: '`forbidden`: a `team` that is not yours as a manager, or any `team` as a rep.',
  },
});

export const teamContactRecordsOperation = defineOperation({
  operationId: 'listReviewContactRecords',
  method: 'get',
  path: '/reviews/contact-records',
  summary: { en: 'Contact records to review', 'zh-CN': '待审阅的联系记录' },
  description:
    'The contact records written by the people you review — yourself as a rep, your team as a manager, everyone as an ' +
    'administrator — newest contact first, on customers not in the recycle bin. `from` and `to` are days of your time zone.',
  tags: [reviewsTag],
  auth: 'session',
  query: teamContactRecordsQuerySchema,
  responses: { 200: { description: 'A page of contact records.', body: teamContactRecordsPageSchema } },
});

export const flaggedCustomersOperation = defineOperation({
  operationId: 'listFlaggedCustomers',
  method: 'get',
  path: '/reviews/flagged-customers',
  summary: { en: 'Customers with a flag set', 'zh-CN': '带有某标记的客户' },
  description:
    'Owned customers you may see whose machine flag `flag` has the value `value` — `flag=tracking&value=paused` lists ' +
    'the paused ones of the generic machine for a manager to look at — newest first, as the customer list shows them.',
  tags: [reviewsTag],
  auth: 'session',
  query: flaggedCustomersQuerySchema,
  responses: { 200: { description: 'A page of customers.', body: flaggedCustomersPageSchema } },
});
