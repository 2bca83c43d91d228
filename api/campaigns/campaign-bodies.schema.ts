import type { FromSchema } from 'json-schema-to-ts';

// The year range keeps every date the schema passes one that PostgreSQL's `date` takes.
const date = { type: ['string', 'null'], format: 'date', pattern: '^(19|2\\d)\\d\\d-', description: 'YYYY-MM-DD' } as const;

const campaignFields = {
  name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
  channel: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S', description: 'where it runs: search, wechat, exhibition, sms…' },
  startsOn: date,
  endsOn: { ...date, description: 'YYYY-MM-DD, not before startsOn' },
  cost: { type: 'number', minimum: 0, maximum: 999999999999.99, description: 'what it cost, in the organisation’s currency' },
} as const;

/** POST /api/campaigns */
export const createCampaignBodySchema = {
  title: 'New campaign',
  type: 'object',
  properties: campaignFields,
  required: ['name', 'channel'],
  additionalProperties: false,
} as const;
export type CreateCampaignBody = FromSchema<typeof createCampaignBodySchema>;

/** PATCH /api/campaigns/:id: the fields sent change. */
export const updateCampaignBodySchema = {
  title: 'Campaign change',
  type: 'object',
  properties: { ...campaignFields, version: { type: 'integer', minimum: 1 } },
  minProperties: 1,
  additionalProperties: false,
} as const;
export type UpdateCampaignBody = FromSchema<typeof updateCampaignBodySchema>;

export const campaignViewSchema = {
  title: 'Campaign',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    channel: { type: 'string' },
    startsOn: { type: ['string', 'null'], format: 'date' },
    endsOn: { type: ['string', 'null'], format: 'date' },
    cost: { type: 'number' },
    createdBy: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer' },
  },
  required: ['id', 'name', 'channel', 'startsOn', 'endsOn', 'cost', 'createdBy', 'createdAt', 'updatedAt', 'version'],
  additionalProperties: false,
} as const;
export type CampaignView = FromSchema<typeof campaignViewSchema>;

/** GET /api/campaigns/:id/stats: counted over live leads and customers linked to the campaign. */
export const campaignStatsSchema = {
  title: 'Campaign lead counts',
  type: 'object',
  properties: {
    campaignId: { type: 'integer' },
    leads: { type: 'integer', description: 'live leads linked to the campaign' },
    byStatus: { type: 'object', additionalProperties: { type: 'integer' }, description: 'lead status → count (statuses with no lead are absent)' },
    converted: { type: 'integer', description: 'leads converted into customers' },
    conversionRate: { type: ['number', 'null'], description: 'converted ÷ leads, 0–1; null while there are no leads' },
    customers: { type: 'integer', description: 'live customers linked to the campaign (converted from its leads or entered with it)' },
    cost: { type: 'number' },
    costPerLead: { type: ['number', 'null'] },
  },
  required: ['campaignId', 'leads', 'byStatus', 'converted', 'conversionRate', 'customers', 'cost', 'costPerLead'],
  additionalProperties: false,
} as const;
export type CampaignStats = FromSchema<typeof campaignStatsSchema>;

export const listCampaignsQuerySchema = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'the nextCursor of the previous page' },
    channel: { type: 'string', maxLength: 40 },
  },
  additionalProperties: false,
} as const;
export type ListCampaignsQuery = FromSchema<typeof listCampaignsQuerySchema>;
