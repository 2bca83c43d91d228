import type { FromSchema } from 'json-schema-to-ts';
import { conditionRefSchema, type ConditionReferenceOptions } from './condition-reference.schema.ts';
import { entitySchema } from './entity.schema.ts';
import { definitionHeaderProperties } from './definition-header.schema.ts';
import { localizedTextSchema } from './localized-text.schema.ts';

/**
 * The rep's daily work line (销售主线) as data: ordered sections, each a slice of one entity the rep owns (orders to
 * follow up, opportunities to push, potential customers due for a callback …), ordered within the section, and the
 * time buckets the queue counts per section (overdue, today, tomorrow, this week …) by the section's due-date fact.
 * A record shows in the first section whose condition it meets, so earlier sections win.
 */
export const queueBuckets = ['overdue', 'today', 'tomorrow', 'thisWeek', 'nextWeek', 'later', 'noDate'] as const;
export type QueueBucket = (typeof queueBuckets)[number];

const factNameSchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$' } as const;

export const queueOrderingSchema = {
  type: 'object',
  properties: {
    fact: factNameSchema,
    direction: { enum: ['asc', 'desc'] },
    nulls: { enum: ['first', 'last'] },
  },
  required: ['fact', 'direction'],
  additionalProperties: false,
} as const;

export const queueSectionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' },
    label: localizedTextSchema,
    entity: entitySchema,
    condition: conditionRefSchema,
    dueFact: { ...factNameSchema, description: 'the date that puts an item in a bucket; else the policy dueFact' },
    overdueFirst: { type: 'boolean', description: 'items past their due date come before all others' },
    orderBy: { type: 'array', items: queueOrderingSchema, minItems: 1 },
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
    taskKind: { enum: ['call', 'visit', 'email', 'sms', 'followUp', 'review'] },
    scriptId: { type: 'string', minLength: 1 },
  },
  required: ['id', 'label', 'entity', 'condition', 'orderBy'],
  additionalProperties: false,
} as const;

export const queuePolicySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/queue-policy.json',
  title: 'Queue policy',
  type: 'object',
  properties: {
    ...definitionHeaderProperties,
    dueFact: factNameSchema,
    buckets: { type: 'array', items: { enum: queueBuckets }, minItems: 1, uniqueItems: true },
    weekStartsOn: { type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday; 1 = Monday' },
    sections: { type: 'array', items: queueSectionSchema, minItems: 1 },
  },
  required: ['id', 'name', 'dueFact', 'buckets', 'sections'],
  additionalProperties: false,
} as const;

export type QueuePolicy = FromSchema<typeof queuePolicySchema, ConditionReferenceOptions>;
export type QueueSection = FromSchema<typeof queueSectionSchema, ConditionReferenceOptions>;
export type QueueOrdering = FromSchema<typeof queueOrderingSchema>;
