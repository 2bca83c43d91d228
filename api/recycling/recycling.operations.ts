import { defineOperation, type ApiTag } from '../http/operation.ts';
import { recycleRuleListViewSchema, recyclePreviewViewSchema, sweepResultViewSchema } from './recycling-view.schema.ts';

export const recyclingTag = {
  name: 'recycling',
  title: { en: 'Pool recycling', 'zh-CN': '公海回收' },
  description: {
    en: 'Recycle rules return customers nobody followed up to the public pool on a schedule: list them, preview what a rule would move now, or run it now.',
    'zh-CN': '回收规则按计划把无人跟进的客户收回公海：查看规则、预览规则此刻会回收哪些客户，或立即执行。',
  },
} as const satisfies ApiTag;

const ruleParams = {
  type: 'object',
  properties: { ruleId: { type: 'string', description: 'the recycle rule’s id' } },
  required: ['ruleId'],
} as const;

const noSuchRule = '`not-found`: no recycle rule of that id is published.';
const ruleInvalid = '`recycle-rule-invalid`: the rule no longer fits the published customer fact catalogue (`errors` names each path).';

export const listRecycleRulesOperation = defineOperation({
  operationId: 'listRecycleRules',
  method: 'get',
  path: '/recycling/rules',
  summary: { en: 'List the recycle rules', 'zh-CN': '列出回收规则' },
  description: 'The latest published version of every recycle rule, with its schedule, warning and cool-down days and its reason in plain words.',
  tags: [recyclingTag],
  auth: { permissions: ['mayManageDefinitions'] },
  responses: { 200: { description: 'The rules, by id.', body: recycleRuleListViewSchema } },
  problems: { 409: ruleInvalid },
});

export const previewRecycleRuleOperation = defineOperation({
  operationId: 'previewRecycleRule',
  method: 'get',
  path: '/recycling/rules/:ruleId/preview',
  summary: { en: 'Preview a recycle rule', 'zh-CN': '预览回收规则' },
  description:
    'How many customers the rule’s sweep would return to the pool now, and the first `limit` of them, without moving any: ' +
    'the same compiled SQL selection the sweep runs.',
  tags: [recyclingTag],
  auth: { permissions: ['mayManageDefinitions'] },
  params: ruleParams,
  query: {
    type: 'object',
    properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50, description: 'customers listed at most' } },
    additionalProperties: false,
  },
  responses: { 200: { description: 'What the sweep would move.', body: recyclePreviewViewSchema } },
  problems: { 404: noSuchRule, 409: ruleInvalid },
});

export const sweepRecycleRuleOperation = defineOperation({
  operationId: 'sweepRecycleRule',
  method: 'post',
  path: '/recycling/rules/:ruleId/sweep',
  summary: { en: 'Run a recycle rule now', 'zh-CN': '立即执行回收规则' },
  description:
    'Runs the rule’s sweep and its advance warnings now, as the system (audit entries have no actor): one SQL statement ' +
    'moves every matching customer to the pool with its history, cool-down, audit entry and outbox rows, in one transaction.',
  tags: [recyclingTag],
  auth: { permissions: ['mayManageDefinitions'] },
  params: ruleParams,
  responses: { 200: { description: 'What moved.', body: sweepResultViewSchema } },
  problems: { 404: noSuchRule, 409: ruleInvalid },
});
