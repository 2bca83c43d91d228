import type { FromSchema } from 'json-schema-to-ts';
import { entitySchema } from '../../definitions/entity.schema.ts';
import { localizedTextSchema } from '../../definitions/localized-text.schema.ts';
import { queueBuckets } from '../../definitions/queue-policy.schema.ts';

// Fields a role masks arrive as text (138****5678, ***) whatever their type, so each allows a string; hidden ones
// are absent.
const textOrNull = { type: ['string', 'null'] } as const;

const positionSchema = {
  type: 'string',
  description:
    '`<section>:<entity>:<id>:<keys>`: where the item stands in its section. Pass it as `after` to /api/me/queue/next, ' +
    'or a section’s nextCursor as `cursor`, to go on from here even after the item itself has changed.',
} as const;

/** One thing to do: a record of the section's entity, its customer as the caller may see it, and when it is due. */
export const queueItemViewSchema = {
  title: 'Queue item',
  type: 'object',
  properties: {
    position: positionSchema,
    section: { type: 'string' },
    entity: entitySchema,
    id: { type: 'integer', minimum: 1 },
    taskKind: { enum: ['call', 'visit', 'email', 'sms', 'followUp', 'review'] },
    scriptId: { type: 'string' },
    due: {
      type: 'object',
      properties: {
        bucket: { enum: queueBuckets, description: 'the one bucket the due date falls in, by the days of your time zone' },
        at: { type: ['string', 'null'], description: 'the due date (date-time, or YYYY-MM-DD for a date fact); absent when your role may not read it' },
      },
      required: ['bucket'],
      additionalProperties: false,
    },
    customer: {
      type: 'object',
      properties: {
        id: { type: 'integer', minimum: 1 },
        name: { type: 'string' },
        phone: textOrNull,
        stage: { type: 'string' },
        ownership: { enum: ['personal', 'collaborative', 'pool'] },
        doNotCall: { type: ['boolean', 'string'] },
        callCount: { type: ['integer', 'string'] },
        lastContactAt: textOrNull,
        nextFollowUpAt: textOrNull,
        customFields: { type: 'object' },
      },
      required: ['id', 'stage', 'ownership', 'customFields'],
      additionalProperties: false,
    },
    record: {
      type: 'object',
      description: 'the opportunity, order or ticket itself (absent for a customer item)',
      properties: {
        id: { type: 'integer', minimum: 1 },
        title: { type: 'string', description: 'the opportunity’s name, the order number or the ticket’s subject' },
        stage: { type: 'string', description: 'its machine state' },
        amount: { type: ['number', 'string', 'null'] },
        nextFollowUpAt: textOrNull,
        customFields: { type: 'object' },
      },
      required: ['id', 'title', 'stage', 'customFields'],
      additionalProperties: false,
    },
  },
  required: ['position', 'section', 'entity', 'id', 'due', 'customer'],
  additionalProperties: false,
} as const;

const countsSchema = {
  type: 'object',
  description: 'customers of the stage per bucket of the policy (overdue, today, tomorrow, thisWeek …), contacted today, and all',
  properties: {
    ...Object.fromEntries(queueBuckets.map((bucket) => [bucket, { type: 'integer', minimum: 0 }])),
    contactedToday: { type: 'integer', minimum: 0 },
    total: { type: 'integer', minimum: 0 },
  } as Record<(typeof queueBuckets)[number] | 'contactedToday' | 'total', { readonly type: 'integer'; readonly minimum: 0 }>,
  required: ['contactedToday', 'total'],
  additionalProperties: false,
} as const;

/** GET /api/me/queue: the work-line grid and the sections of the queue, in the policy's order. */
export const workQueueViewSchema = {
  title: 'Work queue',
  type: 'object',
  properties: {
    policy: {
      type: 'object',
      properties: { id: { type: 'string' }, name: localizedTextSchema },
      required: ['id', 'name'],
      additionalProperties: false,
    },
    timeZone: { type: 'string', description: 'your time zone (IANA): where your days, and so the buckets, begin' },
    buckets: { type: 'array', items: { enum: queueBuckets }, description: 'the buckets the policy counts, in its order' },
    stages: {
      type: 'array',
      description: 'your customers per stage of the customer machine, in its order',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          label: localizedTextSchema,
          color: { type: 'string' },
          counts: countsSchema,
        },
        required: ['key', 'counts'],
        additionalProperties: false,
      },
    },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          label: localizedTextSchema,
          entity: entitySchema,
          taskKind: { enum: ['call', 'visit', 'email', 'sms', 'followUp', 'review'] },
          items: { type: 'array', items: queueItemViewSchema },
          nextCursor: { type: ['string', 'null'], description: 'pass as `cursor` for the section’s next page; null on its last' },
        },
        required: ['id', 'label', 'entity', 'items', 'nextCursor'],
        additionalProperties: false,
      },
    },
  },
  required: ['policy', 'timeZone', 'buckets', 'stages', 'sections'],
  additionalProperties: false,
} as const;

/** GET /api/me/queue/next */
export const nextQueueItemViewSchema = {
  title: 'Next queue item',
  type: 'object',
  properties: { item: { anyOf: [queueItemViewSchema, { type: 'null' }], description: 'null when the queue has nothing after' } },
  required: ['item'],
  additionalProperties: false,
} as const;

export const workQueueQuerySchema = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 20, description: 'items per section (1–200)' },
    section: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$', maxLength: 64, description: 'only this section' },
    cursor: { type: 'string', minLength: 1, maxLength: 4000, description: 'a section’s nextCursor: that section’s next page only' },
  },
  additionalProperties: false,
} as const;

export const nextQueueItemQuerySchema = {
  type: 'object',
  properties: {
    after: { type: 'string', minLength: 1, maxLength: 4000, description: 'an item’s position (or `<section>:<entity>:<id>`); absent: the first item' },
  },
  additionalProperties: false,
} as const;

export type QueueItemView = FromSchema<typeof queueItemViewSchema>;
export type WorkQueueView = FromSchema<typeof workQueueViewSchema>;
export type WorkQueueQuery = FromSchema<typeof workQueueQuerySchema>;
export type NextQueueItemQuery = FromSchema<typeof nextQueueItemQuerySchema>;
