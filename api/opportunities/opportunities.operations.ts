import type { FromSchema } from 'json-schema-to-ts';
import { recordActionSchema } from '../transitions/record-action.schema.ts';
import { ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import { listDescription, listPageBody, listProblems } from '../lists/list-operation-parts.ts';
import { listQueryProperties } from '../lists/list-query.schema.ts';
import { opportunityStatuses } from './opportunity.entity.ts';
import { eventProblems, firedEventSchema, recordEventBodySchema } from '../transitions/record-event-bodies.schema.ts';
import { createOpportunityBodySchema, updateOpportunityBodySchema } from './opportunity-bodies.schema.ts';
import { opportunityViewSchema } from './opportunity-document.ts';

export const opportunitiesTag = {
  name: 'opportunities',
  title: { en: 'Opportunities', 'zh-CN': '商机' },
  description: {
    en: 'A customer’s deals in the opportunity funnel: each stage with its win probability. An opportunity that is selling makes its customer an opportunity customer; pausing the customer pauses its opportunities; a won one queues its order.',
    'zh-CN': '客户在商机漏斗中的商机，每个阶段有赢单概率。正在销售的商机使客户成为商机客户；客户暂停跟踪时其商机随之暂停；赢单时生成订单。',
  },
} as const satisfies ApiTag;

const idParams = (what: string) =>
  ({ type: 'object', properties: { id: { type: 'string', description: what } }, required: ['id'] }) as const;

const customerNotVisible = '`not-found`: no such customer, or not one your role may see (the answer does not tell which).';
const notVisible = '`not-found`: no such opportunity, or its customer is not one your role may see.';

/** GET /api/opportunities */
export const listOpportunitiesQuerySchema = {
  type: 'object',
  properties: { status: { enum: opportunityStatuses, description: 'only opportunities of this status' }, ...listQueryProperties('opportunity') },
  additionalProperties: false,
} as const;
export type ListOpportunitiesQuery = FromSchema<typeof listOpportunitiesQuerySchema>;

export const listOpportunitiesOperation = defineOperation({
  operationId: 'listOpportunities',
  method: 'get',
  path: '/opportunities',
  summary: { en: 'Opportunities you may see', 'zh-CN': '可见的商机' },
  description: `Those of every customer you may see. ${listDescription('opportunity')}`,
  tags: [opportunitiesTag],
  auth: 'session',
  query: listOpportunitiesQuerySchema,
  responses: { 200: { description: 'A page of opportunities.', body: listPageBody('Opportunity list page', opportunityViewSchema, 'opportunities') } },
  problems: { ...listProblems, 503: '`definitions-missing`: a filter or sort needs the published opportunity funnel.' },
});

export const listCustomerOpportunitiesOperation = defineOperation({
  operationId: 'listCustomerOpportunities',
  method: 'get',
  path: '/customers/:id/opportunities',
  summary: { en: 'The customer’s opportunities', 'zh-CN': '客户的商机' },
  tags: [opportunitiesTag],
  auth: 'session',
  params: idParams('the customer’s id'),
  responses: { 200: { description: 'Newest first.', body: { type: 'array', items: opportunityViewSchema } } },
  problems: { 404: customerNotVisible },
});

export const createOpportunityOperation = defineOperation({
  operationId: 'createOpportunity',
  method: 'post',
  path: '/customers/:id/opportunities',
  summary: { en: 'Open an opportunity', 'zh-CN': '新建商机' },
  description:
    'Yours, in the funnel’s first stage with its probability, on the latest published funnel. If that stage is selling, ' +
    'the customer becomes an opportunity customer in the same transaction (where its stage takes OPPORTUNITY_SELLING).',
  tags: [opportunitiesTag],
  auth: 'session',
  params: idParams('the customer’s id'),
  body: createOpportunityBodySchema,
  responses: {
    201: {
      description: 'Opened.',
      body: opportunityViewSchema,
      headers: { Location: { description: 'the new opportunity’s address', schema: { type: 'string' } }, ETag: versionHeader },
    },
  },
  problems: {
    403: '`forbidden`: the customer is in the pool and your role may not edit shared customers.',
    404: customerNotVisible,
    503: '`definitions-missing`: no opportunity funnel is published yet.',
  },
});

export const getOpportunityOperation = defineOperation({
  operationId: 'getOpportunity',
  method: 'get',
  path: '/opportunities/:id',
  summary: { en: 'Get one opportunity', 'zh-CN': '查看商机' },
  tags: [opportunitiesTag],
  auth: 'session',
  params: idParams('the opportunity’s id'),
  responses: { 200: { description: 'The opportunity.', body: opportunityViewSchema, headers: { ETag: versionHeader } } },
  problems: { 404: notVisible },
});

export const updateOpportunityOperation = defineOperation({
  operationId: 'updateOpportunity',
  method: 'patch',
  path: '/opportunities/:id',
  summary: { en: 'Change an opportunity', 'zh-CN': '修改商机' },
  description: 'Name, amount, expected close date; the stage moves only through events. Say which version you changed.',
  tags: [opportunitiesTag],
  auth: 'session',
  params: idParams('the opportunity’s id'),
  headers: { 'If-Match': ifMatchHeader },
  body: updateOpportunityBodySchema,
  responses: { 200: { description: 'Changed.', body: opportunityViewSchema, headers: { ETag: versionHeader } } },
  problems: {
    403: '`forbidden`: the funnel stage does not let your role edit (won, lost), or the customer is in the pool and your role may not edit shared customers.',
    404: notVisible,
    409: '`stale-version`: changed since you loaded it.',
    428: '`version-required`: neither If-Match nor `version` says which version you changed.',
  },
});

export const fireOpportunityEventOperation = defineOperation({
  operationId: 'fireOpportunityEvent',
  method: 'post',
  path: '/opportunities/:id/events',
  summary: { en: 'Send the opportunity’s funnel an event', 'zh-CN': '向商机流程发送事件' },
  description:
    'ADVANCE, GO_BACK, MARK_WON, MARK_LOST, PAUSE_SELLING, RESUME_SELLING in the generic funnel. The probability and ' +
    'status follow the stage; resuming selling moves the customer to opportunity; winning queues the order effect.',
  tags: [opportunitiesTag],
  auth: 'session',
  params: idParams('the opportunity’s id'),
  headers: { 'If-Match': { ...ifMatchHeader, required: false } },
  body: recordEventBodySchema,
  responses: { 200: { description: 'Taken.', body: firedEventSchema, headers: { ETag: versionHeader } } },
  problems: { ...eventProblems, 404: notVisible },
});

export const listOpportunityActionsOperation = defineOperation({
  operationId: 'listOpportunityActions',
  method: 'get',
  path: '/opportunities/:id/actions',
  summary: { en: 'The buttons of the opportunity’s stage', 'zh-CN': '商机当前阶段可执行的操作' },
  description: 'From the funnel version it runs on, judged for you now: available or not, and why not.',
  tags: [opportunitiesTag],
  auth: 'session',
  params: idParams('the opportunity’s id'),
  responses: { 200: { description: 'In the definition’s order.', body: { type: 'array', items: recordActionSchema } } },
  problems: { 404: notVisible },
});
