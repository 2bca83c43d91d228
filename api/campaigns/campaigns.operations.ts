import { defineOperation, type ApiTag } from '../http/operation.ts';
import {
  campaignStatsSchema,
  campaignViewSchema,
  createCampaignBodySchema,
  listCampaignsQuerySchema,
  updateCampaignBodySchema,
} from './campaign-bodies.schema.ts';

export const campaignsTag = {
  name: 'campaigns',
  title: { en: 'Campaigns', 'zh-CN': '营销活动' },
  description: {
    en: 'Marketing campaigns that leads and customers link to, with lead counts and conversion per campaign.',
    'zh-CN': '线索和客户所关联的营销活动，以及每个活动的线索数量和转化率。',
  },
} as const satisfies ApiTag;

const idParams = { type: 'object', properties: { id: { type: 'string', description: 'the campaign’s id' } }, required: ['id'] } as const;
const notFound = '`not-found`: no live campaign has this id.';
const writers = { permissions: ['mayReassign'] } as const;

export const createCampaignOperation = defineOperation({
  operationId: 'createCampaign',
  method: 'post',
  path: '/campaigns',
  summary: { en: 'Create a campaign', 'zh-CN': '创建营销活动' },
  description: 'Managers and admins (`mayReassign`).',
  tags: [campaignsTag],
  auth: writers,
  body: createCampaignBodySchema,
  responses: { 201: { description: 'Created.', body: campaignViewSchema, headers: { Location: { description: 'its address', schema: { type: 'string' } } } } },
  problems: { 409: '`campaign-name-taken`: a live campaign has this name, whatever the case.' },
});

export const listCampaignsOperation = defineOperation({
  operationId: 'listCampaigns',
  method: 'get',
  path: '/campaigns',
  summary: { en: 'Campaigns', 'zh-CN': '营销活动列表' },
  tags: [campaignsTag],
  auth: 'session',
  query: listCampaignsQuerySchema,
  responses: {
    200: {
      description: 'Newest first.',
      body: {
        type: 'object',
        properties: { items: { type: 'array', items: campaignViewSchema }, nextCursor: { type: ['integer', 'null'] } },
        required: ['items', 'nextCursor'],
        additionalProperties: false,
      },
    },
  },
});

export const getCampaignOperation = defineOperation({
  operationId: 'getCampaign',
  method: 'get',
  path: '/campaigns/:id',
  summary: { en: 'One campaign', 'zh-CN': '查看营销活动' },
  tags: [campaignsTag],
  auth: 'session',
  params: idParams,
  responses: { 200: { description: 'The campaign.', body: campaignViewSchema } },
  problems: { 404: notFound },
});

export const updateCampaignOperation = defineOperation({
  operationId: 'updateCampaign',
  method: 'patch',
  path: '/campaigns/:id',
  summary: { en: 'Change a campaign', 'zh-CN': '修改营销活动' },
  description: 'The fields sent change. `If-Match: "<version>"` or `version` is optional; when given it must be current.',
  tags: [campaignsTag],
  auth: writers,
  params: idParams,
  headers: { 'If-Match': { description: 'the version you changed, optional', schema: { type: 'string' } } },
  body: updateCampaignBodySchema,
  responses: { 200: { description: 'Changed.', body: campaignViewSchema } },
  problems: { 404: notFound, 409: '`campaign-name-taken`; `stale-version`: the campaign changed since that version.' },
});

export const deleteCampaignOperation = defineOperation({
  operationId: 'deleteCampaign',
  method: 'delete',
  path: '/campaigns/:id',
  summary: { en: 'Delete a campaign', 'zh-CN': '删除营销活动' },
  description: 'Soft: linked leads and customers keep the link; the name is free again.',
  tags: [campaignsTag],
  auth: writers,
  params: idParams,
  responses: { 204: { description: 'Deleted.' } },
  problems: { 404: notFound },
});

export const campaignStatsOperation = defineOperation({
  operationId: 'getCampaignStats',
  method: 'get',
  path: '/campaigns/:id/stats',
  summary: { en: 'Lead counts and conversion of a campaign', 'zh-CN': '营销活动的线索数量与转化率' },
  tags: [campaignsTag],
  auth: 'session',
  params: idParams,
  responses: { 200: { description: 'Counted now, in SQL.', body: campaignStatsSchema } },
  problems: { 404: notFound },
});
