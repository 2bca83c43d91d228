import type { FromSchema } from 'json-schema-to-ts';

/** GET /api/me/notifications */
export const listNotificationsQuerySchema = {
  type: 'object',
  properties: {
    unread: { type: 'boolean', description: 'true: only those not read yet' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'the nextCursor of the previous page' },
  },
  additionalProperties: false,
} as const;

/** POST /api/me/notifications/read-all */
export const markAllReadBodySchema = {
  title: 'Mark notifications read',
  type: 'object',
  properties: {
    upToId: {
      type: 'integer',
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'only those up to this id: the newest one you were shown, so one that arrived meanwhile stays unread',
    },
  },
  additionalProperties: false,
} as const;

export type ListNotificationsQuery = FromSchema<typeof listNotificationsQuerySchema>;
export type MarkAllReadBody = FromSchema<typeof markAllReadBodySchema>;
