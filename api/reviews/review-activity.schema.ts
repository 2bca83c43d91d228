import type { FromSchema } from 'json-schema-to-ts';

export const reviewBuckets = ['day', 'week', 'month'] as const;
export type ReviewBucket = (typeof reviewBuckets)[number];

const daySchema = { type: 'string', format: 'date', description: 'a calendar day (YYYY-MM-DD) in your time zone' } as const;

/** GET /api/reviews/activity */
export const reviewActivityQuerySchema = {
  type: 'object',
  properties: {
    from: { ...daySchema, description: 'the first day counted (YYYY-MM-DD, your time zone)' },
    to: { ...daySchema, description: 'the last day counted, included (YYYY-MM-DD, your time zone); at most 366 days after `from`' },
    bucket: { enum: reviewBuckets, default: 'day', description: 'one row per person per day, week (from Monday) or month' },
    team: { type: 'integer', minimum: 1, description: 'only this team’s members (a manager may name only their own team)' },
  },
  required: ['from', 'to'],
  additionalProperties: false,
} as const;

const countSchema = { type: 'integer', minimum: 0 } as const;
const amountSchema = { type: 'string', pattern: '^\\d+\\.\\d{2}$', description: 'a decimal amount, exact (numeric(14,2) summed)' } as const;

/** One person's work in one bucket. */
export const activityRowSchema = {
  type: 'object',
  properties: {
    userId: { type: 'integer' },
    bucket: { ...daySchema, description: 'the first day of the bucket (a Monday for weeks, the 1st for months); may precede `from`' },
    newCustomers: { ...countSchema, description: 'live customers they created' },
    contactRecords: { ...countSchema, description: 'contact records they wrote, by the time of the contact' },
    opportunities: { ...countSchema, description: 'live opportunities they own, by the time they were created' },
    opportunityAmount: amountSchema,
    orders: { ...countSchema, description: 'live orders they own, by the time they were created' },
    orderAmount: amountSchema,
  },
  required: ['userId', 'bucket', 'newCustomers', 'contactRecords', 'opportunities', 'opportunityAmount', 'orders', 'orderAmount'],
  additionalProperties: false,
} as const;

export const reviewActivityViewSchema = {
  title: 'Activity review',
  type: 'object',
  properties: {
    from: daySchema,
    to: daySchema,
    bucket: { enum: reviewBuckets },
    timeZone: { type: 'string', description: 'the zone whose midnights divide the days (yours)' },
    buckets: { type: 'array', items: daySchema, description: 'every bucket of the period, in order' },
    people: {
      type: 'array',
      description: 'the people counted, by name: yourself for a rep, your team for a manager, everyone (or one team) for an administrator',
      items: {
        type: 'object',
        properties: { userId: { type: 'integer' }, displayName: { type: 'string' }, teamId: { type: ['integer', 'null'] } },
        required: ['userId', 'displayName', 'teamId'],
        additionalProperties: false,
      },
    },
    rows: { type: 'array', items: activityRowSchema, description: 'one per person per bucket, zeros included, in people then bucket order' },
  },
  required: ['from', 'to', 'bucket', 'timeZone', 'buckets', 'people', 'rows'],
  additionalProperties: false,
} as const;

export type ReviewActivityQuery = FromSchema<typeof reviewActivityQuerySchema>;
export type ReviewActivityView = FromSchema<typeof reviewActivityViewSchema>;
