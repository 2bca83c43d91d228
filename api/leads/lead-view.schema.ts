import type { FromSchema } from 'json-schema-to-ts';

const localized = {
  type: 'object',
  properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
  required: ['en', 'zh-CN'],
  additionalProperties: false,
} as const;

export const leadSources = ['website', 'referral', 'event', 'coldCall', 'import', 'webForm', 'campaign'] as const;

/** Why a lead went where it went: the routing decision as stored with the lead. */
export const leadAssignmentSchema = {
  title: 'Lead assignment',
  type: 'object',
  properties: {
    policyKey: { type: 'string' },
    policyVersion: { type: 'integer' },
    ruleId: { type: ['string', 'null'] },
    strategy: { type: ['string', 'null'] },
    target: { enum: ['user', 'pool'] },
    userId: { type: ['integer', 'null'] },
    summary: localized,
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: { ruleId: { type: 'string' }, ruleNumber: { type: 'integer' }, outcome: { type: 'string' }, words: localized },
        required: ['ruleId', 'ruleNumber', 'outcome', 'words'],
        additionalProperties: false,
      },
    },
    decidedAt: { type: 'string', format: 'date-time' },
  },
  required: ['policyKey', 'policyVersion', 'ruleId', 'strategy', 'target', 'userId', 'summary', 'steps', 'decidedAt'],
  additionalProperties: false,
} as const;

const nullableText = { type: ['string', 'null'] } as const;
const nullableId = { type: ['integer', 'null'] } as const;

/** A lead as the API shows it (fields a role may not see are absent, masked ones masked). */
export const leadViewSchema = {
  title: 'Lead',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    company: nullableText,
    phone: nullableText,
    email: nullableText,
    region: nullableText,
    source: { enum: leadSources },
    campaignId: nullableId,
    webFormId: nullableId,
    score: nullableId,
    status: { type: 'string', description: 'its state in the lead machine: new, working, converted, disqualified' },
    ownership: { enum: ['personal', 'pool'] },
    ownerId: nullableId,
    teamId: nullableId,
    customFields: { type: 'object' },
    assignment: { anyOf: [leadAssignmentSchema, { type: 'null' }] },
    convertedAt: { type: ['string', 'null'], format: 'date-time' },
    convertedCustomerId: nullableId,
    convertedContactId: nullableId,
    convertedOpportunityId: nullableId,
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer' },
  },
  required: ['id', 'source', 'status', 'ownership', 'ownerId', 'assignment', 'createdAt', 'updatedAt', 'version'],
  additionalProperties: false,
} as const;

export type LeadView = FromSchema<typeof leadViewSchema>;
export type LeadAssignment = FromSchema<typeof leadAssignmentSchema>;
