import { routingPolicySchema } from '../../definitions/routing-policy.schema.ts';
import { ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import { listDescription, listPageBody, listProblems } from '../lists/list-operation-parts.ts';
import { recordActionSchema } from '../transitions/record-action.schema.ts';
import { eventProblems, firedEventSchema } from '../transitions/record-event-bodies.schema.ts';
import { convertLeadBodySchema, createLeadBodySchema, leadEventBodySchema, listLeadsQuerySchema } from './lead-bodies.schema.ts';
import { leadViewSchema } from './lead-view.schema.ts';

export const leadsTag = {
  name: 'leads',
  title: { en: 'Leads', 'zh-CN': '线索' },
  description: {
    en: 'Leads from people, web forms and campaigns: deduplicated, routed by a routing policy (with the reason stored), converted into customers.',
    'zh-CN': '来自录入、网页表单和营销活动的线索：自动查重，按分配策略分配（并记录原因），可转化为客户。',
  },
} as const satisfies ApiTag;

const idParams = { type: 'object', properties: { id: { type: 'string', description: 'the lead’s id' } }, required: ['id'] } as const;
const notVisible = '`not-found`: no such lead, or not one your role may see.';

export const createLeadOperation = defineOperation({
  operationId: 'createLead',
  method: 'post',
  path: '/leads',
  summary: { en: 'Enter a lead', 'zh-CN': '录入线索' },
  description: 'Deduplicated against leads and customers (normalised phone, email) and assigned by the routing policy; `assignment` says why.',
  tags: [leadsTag],
  auth: 'session',
  body: createLeadBodySchema,
  responses: { 201: { description: 'Created and routed.', body: leadViewSchema } },
  problems: {
    403: '`forbidden`: a field your role may not write.',
    409: '`duplicate`: a lead or customer has this phone number or email (named only when you may see it).',
    503: '`definitions-missing`: no lead machine or routing policy is published.',
  },
});

export const listLeadsOperation = defineOperation({
  operationId: 'listLeads',
  method: 'get',
  path: '/leads',
  summary: { en: 'Leads you may see', 'zh-CN': '可见的线索' },
  tags: [leadsTag],
  auth: 'session',
  query: listLeadsQuerySchema,
  description: listDescription('lead'),
  responses: { 200: { description: 'A page of leads.', body: listPageBody('Lead list page', leadViewSchema, 'leads') } },
  problems: { ...listProblems, 503: '`definitions-missing`: a filter or sort needs the published lead machine.' },
});

export const getLeadOperation = defineOperation({
  operationId: 'getLead',
  method: 'get',
  path: '/leads/:id',
  summary: { en: 'One lead, with why it was assigned', 'zh-CN': '查看线索及分配原因' },
  tags: [leadsTag],
  auth: 'session',
  params: idParams,
  responses: { 200: { description: 'The lead.', body: leadViewSchema } },
  problems: { 404: notVisible },
});

export const convertLeadOperation = defineOperation({
  operationId: 'convertLead',
  method: 'post',
  path: '/leads/:id/convert',
  summary: { en: 'Convert a lead into a customer', 'zh-CN': '线索转化为客户' },
  description:
    'By the published conversion mapping: a customer (in the mapping’s stage, owned by the lead’s owner), a contact and optionally an ' +
    'opportunity, and the lead marked converted — one transaction, audited.',
  tags: [leadsTag],
  auth: 'session',
  params: idParams,
  body: convertLeadBodySchema,
  responses: {
    200: {
      description: 'Converted.',
      body: {
        type: 'object',
        properties: {
          lead: leadViewSchema,
          customerId: { type: 'integer' },
          contactId: { type: ['integer', 'null'] },
          opportunityId: { type: ['integer', 'null'] },
        },
        required: ['lead', 'customerId', 'contactId', 'opportunityId'],
        additionalProperties: false,
      },
    },
  },
  problems: {
    404: notVisible,
    403: '`forbidden`: the lead’s state does not give your role `edit`.',
    409:
      '`duplicate`: the customer would duplicate one; `conversion-refused`: a required field would be empty; `transition-refused` with the ' +
      'lead machine’s `reason` (already converted, disqualified); `stale-version`.',
  },
});

export const fireLeadEventOperation = defineOperation({
  operationId: 'fireLeadEvent',
  method: 'post',
  path: '/leads/:id/events',
  summary: { en: 'Send the lead’s machine an event', 'zh-CN': '向线索流程发送事件' },
  description:
    'START_WORK, DISQUALIFY (with `payload.reason`), REOPEN, … as the lead machine the lead runs on allows your role now; the new ' +
    'state, the audit entry (the engine’s trace as why, the payload beside it) and the effects commit together. CONVERTED is the ' +
    'system’s: only POST …/convert sends it.',
  tags: [leadsTag],
  auth: 'session',
  params: idParams,
  headers: { 'If-Match': { ...ifMatchHeader, required: false } },
  body: leadEventBodySchema,
  responses: { 200: { description: 'Taken.', body: firedEventSchema, headers: { ETag: versionHeader } } },
  problems: { ...eventProblems, 404: notVisible },
});

export const listLeadActionsOperation = defineOperation({
  operationId: 'listLeadActions',
  method: 'get',
  path: '/leads/:id/actions',
  summary: { en: 'The buttons of the lead’s state', 'zh-CN': '线索当前状态可执行的操作' },
  description: 'From the lead machine version the lead runs on, judged for you now: available or not, and why not.',
  tags: [leadsTag],
  auth: 'session',
  params: idParams,
  responses: { 200: { description: 'In the definition’s order.', body: { type: 'array', items: recordActionSchema } } },
  problems: { 404: notVisible },
});

const policyKeyParams = { type: 'object', properties: { key: { type: 'string', pattern: '^[a-z][A-Za-z0-9-]*$' } }, required: ['key'] } as const;
const publishedPolicySchema = {
  type: 'object',
  properties: { key: { type: 'string' }, version: { type: 'integer' }, document: { type: 'object' } },
  required: ['key', 'version', 'document'],
  additionalProperties: false,
} as const;

export const getRoutingPolicyOperation = defineOperation({
  operationId: 'getRoutingPolicy',
  method: 'get',
  path: '/routing-policies/:key',
  summary: { en: 'The latest version of a routing policy', 'zh-CN': '分配策略的最新版本' },
  tags: [leadsTag],
  auth: { permissions: ['mayManageDefinitions'] },
  params: policyKeyParams,
  responses: { 200: { description: 'The policy.', body: publishedPolicySchema } },
  problems: { 404: '`not-found`: no policy of that key is published.' },
});

export const publishRoutingPolicyOperation = defineOperation({
  operationId: 'publishRoutingPolicy',
  method: 'put',
  path: '/routing-policies/:key',
  summary: { en: 'Publish a new version of a routing policy', 'zh-CN': '发布分配策略新版本' },
  description: 'Checked against the routing-policy schema and the lead fact catalogue; the next lead is routed by it. Strategy state (turns, shares) carries over.',
  tags: [leadsTag],
  auth: { permissions: ['mayManageDefinitions'] },
  params: policyKeyParams,
  body: routingPolicySchema,
  responses: { 201: { description: 'Published.', body: publishedPolicySchema } },
});

export const setAvailabilityOperation = defineOperation({
  operationId: 'setRoutingAvailability',
  method: 'put',
  path: '/routing-availability/:userId',
  summary: { en: 'Set a person’s availability for routing', 'zh-CN': '设置人员的分配可用性' },
  tags: [leadsTag],
  auth: { permissions: ['mayManageUsers'] },
  params: { type: 'object', properties: { userId: { type: 'string' } }, required: ['userId'] },
  body: {
    type: 'object',
    properties: {
      onLeave: { type: 'boolean' },
      workingHours: { anyOf: [routingPolicySchema.properties.rules.items.properties.onlyAvailable.properties.workingHours, { type: 'null' }] },
    },
    required: ['onLeave'],
    additionalProperties: false,
  },
  responses: { 204: { description: 'Saved.' } },
  problems: { 404: '`not-found`: no such user.' },
});
