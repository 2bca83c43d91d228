import type { FromSchema } from 'json-schema-to-ts';

const localizedReasonSchema = {
  type: 'object',
  properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
  required: ['en', 'zh-CN'],
  additionalProperties: false,
} as const;

/** An outbox message parked after its last try, as the admins' list shows it. */
export const deadLetterViewSchema = {
  title: 'Dead letter',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    topic: { type: 'string', description: '`effect.<type>` for the catalogue’s effects' },
    idempotencyKey: { type: 'string' },
    payload: { type: 'object', description: 'the message as it was queued' },
    attempts: { type: 'integer', description: 'tries made before it was parked' },
    error: { type: ['string', 'null'], description: 'the last error, as the handler raised it' },
    reason: { ...localizedReasonSchema, description: 'why it was parked and what to do, in both languages' },
    createdAt: { type: 'string', format: 'date-time' },
    deadAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'topic', 'idempotencyKey', 'payload', 'attempts', 'error', 'reason', 'createdAt', 'deadAt'],
  additionalProperties: false,
} as const;

export type DeadLetterView = FromSchema<typeof deadLetterViewSchema>;

/** GET /api/admin/outbox/dead-letters */
export const deadLetterPageQuerySchema = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', pattern: '^\\d{1,17}-\\d{1,16}$', description: 'the nextCursor of the previous page' },
  },
  additionalProperties: false,
} as const;

export type DeadLetterPageQuery = FromSchema<typeof deadLetterPageQuerySchema>;

/** What a retry or a discard answers: the message's new state. */
export const deadLetterActionViewSchema = {
  title: 'Outbox message state',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    status: { enum: ['pending', 'discarded'] },
  },
  required: ['id', 'status'],
  additionalProperties: false,
} as const;
