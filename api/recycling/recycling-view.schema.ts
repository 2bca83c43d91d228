import type { FromSchema } from 'json-schema-to-ts';
import { localizedTextSchema } from '../../definitions/localized-text.schema.ts';

const ruleIdSchema = { type: 'string', description: 'the recycle rule’s id, e.g. recycle-potential-no-contact' } as const;
const reasonSchema = { ...localizedTextSchema, description: 'the plain-words reason every moved customer’s audit entry carries' } as const;

/** GET /api/recycling/rules/:ruleId/preview */
export const recyclePreviewViewSchema = {
  title: 'Recycle preview',
  type: 'object',
  properties: {
    ruleId: ruleIdSchema,
    ruleVersion: { type: 'integer', minimum: 1 },
    asOf: { type: 'string', format: 'date-time', description: 'the instant the rule was judged at' },
    timeZone: { type: 'string', description: 'the zone its days are counted in' },
    count: { type: 'integer', minimum: 0, description: 'how many customers a sweep would move now' },
    customers: {
      type: 'array',
      description: 'the first of them by id, as many as `limit` asked for',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer', minimum: 1 },
          name: { type: 'string' },
          stage: { type: 'string' },
          ownerId: { type: ['integer', 'null'] },
        },
        required: ['id', 'name', 'stage', 'ownerId'],
        additionalProperties: false,
      },
    },
    reason: reasonSchema,
  },
  required: ['ruleId', 'ruleVersion', 'asOf', 'timeZone', 'count', 'customers', 'reason'],
  additionalProperties: false,
} as const;

/** POST /api/recycling/rules/:ruleId/sweep */
export const sweepResultViewSchema = {
  title: 'Recycle sweep result',
  type: 'object',
  properties: {
    ruleId: ruleIdSchema,
    ruleVersion: { type: 'integer', minimum: 1 },
    ranAt: { type: 'string', format: 'date-time' },
    moved: { type: 'integer', minimum: 0, description: 'customers returned to the pool' },
    customerIds: { type: 'array', items: { type: 'integer', minimum: 1 }, description: 'the first 100 of them by id' },
    warned: { type: 'integer', minimum: 0, description: 'new advance warnings queued for owners' },
    reason: reasonSchema,
  },
  required: ['ruleId', 'ruleVersion', 'ranAt', 'moved', 'customerIds', 'warned', 'reason'],
  additionalProperties: false,
} as const;

/** GET /api/recycling/rules: one entry per published recycle rule. */
export const recycleRuleViewSchema = {
  title: 'Recycle rule',
  type: 'object',
  properties: {
    ruleId: ruleIdSchema,
    ruleVersion: { type: 'integer', minimum: 1 },
    name: localizedTextSchema,
    enabled: { type: 'boolean', description: 'disabled rules have no schedule; an admin may still preview and run them' },
    schedule: {
      type: 'object',
      properties: { cron: { type: 'string' }, every: { type: 'string' }, timeZone: { type: 'string' } },
      required: ['timeZone'],
      additionalProperties: false,
    },
    warningDays: { type: 'integer', minimum: 0 },
    coolDownDays: { type: 'integer', minimum: 0 },
    reason: reasonSchema,
  },
  required: ['ruleId', 'ruleVersion', 'name', 'enabled', 'schedule', 'warningDays', 'coolDownDays', 'reason'],
  additionalProperties: false,
} as const;

export const recycleRuleListViewSchema = {
  title: 'Recycle rules',
  type: 'object',
  properties: { items: { type: 'array', items: recycleRuleViewSchema } },
  required: ['items'],
  additionalProperties: false,
} as const;

export type RecyclePreviewView = FromSchema<typeof recyclePreviewViewSchema>;
export type SweepResultView = FromSchema<typeof sweepResultViewSchema>;
export type RecycleRuleView = FromSchema<typeof recycleRuleViewSchema>;
