import type { FromSchema } from 'json-schema-to-ts';
import { conditionRefSchema, type ConditionReferenceOptions } from './condition-reference.schema.ts';
import { effectInvocationSchema } from './effect-catalogue.schema.ts';
import { entitySchema } from './entity.schema.ts';
import { definitionHeaderProperties } from './definition-header.schema.ts';
import { localizedTextSchema } from './localized-text.schema.ts';
import { durationPattern, eventNamePattern } from './machine.schema.ts';

/**
 * A rule: json-rules-engine's `conditions` (our one condition language) and `priority`, wrapped in our envelope —
 * what triggers it (an event, or a schedule for sweeps), which entity it looks at, and the effects it asks for when
 * the conditions hold. What 悟空CRM offers as fixed settings (pool recycling after N days without a contact record,
 * reminders, generated tasks) are rules here, so an admin can read and change them.
 *
 * Recycle rules carry their own settings: `warningDays` (the owner is warned when the conditions would hold that
 * many days from now — time facts are evaluated as of the shifted date), `coolDownDays` (the previous owner may not
 * claim the customer back before then) and labelled `exemptions` (the rule never fires while one of them holds).
 */
export const ruleKinds = ['recycle', 'routing', 'taskGeneration', 'reminder', 'notification', 'escalation'] as const;
export type RuleKind = (typeof ruleKinds)[number];

const effectListSchema = { type: 'array', items: effectInvocationSchema, minItems: 1 } as const;

/** Exactly one of `event` or `schedule`; one of `cron` or `every` — enforced by validateRule with a clear message. */
export const ruleTriggerSchema = {
  type: 'object',
  properties: {
    event: { type: 'string', pattern: eventNamePattern },
    schedule: {
      type: 'object',
      properties: {
        cron: { type: 'string', minLength: 9, description: 'five fields: minute hour day-of-month month day-of-week' },
        every: { type: 'string', pattern: durationPattern, description: 'e.g. 15m, 1h, 1d' },
        timeZone: { type: 'string', minLength: 1, description: 'IANA zone the cron is read in, e.g. Asia/Shanghai' },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

export const recycleSettingsSchema = {
  type: 'object',
  properties: {
    warningDays: { type: 'integer', minimum: 0, maximum: 365 },
    warningEffects: { ...effectListSchema, description: 'run instead of the default notice to the owner' },
    coolDownDays: { type: 'integer', minimum: 0, maximum: 365 },
    exemptions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { label: localizedTextSchema, condition: conditionRefSchema },
        required: ['label', 'condition'],
        additionalProperties: false,
      },
    },
  },
  required: ['warningDays', 'coolDownDays'],
  additionalProperties: false,
} as const;

export const ruleSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/rule.json',
  title: 'Rule',
  type: 'object',
  properties: {
    ...definitionHeaderProperties,
    description: localizedTextSchema,
    kind: { enum: ruleKinds },
    entity: entitySchema,
    trigger: ruleTriggerSchema,
    conditions: conditionRefSchema,
    effects: effectListSchema,
    priority: { type: 'integer', minimum: 1, maximum: 1000, description: 'higher runs first, as in json-rules-engine' },
    enabled: { type: 'boolean' },
    recycle: recycleSettingsSchema,
  },
  required: ['id', 'name', 'kind', 'entity', 'trigger', 'conditions', 'effects', 'enabled'],
  additionalProperties: false,
} as const;

export type Rule = FromSchema<typeof ruleSchema, ConditionReferenceOptions>;
export type RuleTrigger = FromSchema<typeof ruleTriggerSchema>;
export type RecycleSettings = FromSchema<typeof recycleSettingsSchema, ConditionReferenceOptions>;
