import type { FromSchema } from 'json-schema-to-ts';
import { localizedTextSchema } from '../../definitions/localized-text.schema.ts';

export const notificationSeverities = ['info', 'warning', 'urgent'] as const;
export type NotificationSeverity = (typeof notificationSeverities)[number];

/** A notification as its reader sees it, in the list and on the live stream alike. */
export const notificationViewSchema = {
  title: 'Notification',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    kind: { type: 'string', description: '`reminder` (a follow-up falls due) or `notice` (a machine’s or a command’s notify effect)' },
    title: localizedTextSchema,
    body: { anyOf: [localizedTextSchema, { type: 'null' }] },
    severity: { enum: notificationSeverities },
    popup: { type: 'boolean', description: 'the console shows it as a pop-up, not only in the list' },
    link: {
      description: 'the record it is about',
      anyOf: [
        {
          type: 'object',
          properties: {
            entity: { type: 'string' },
            id: { type: 'integer', minimum: 1 },
            customerId: { type: ['integer', 'null'] },
          },
          required: ['entity', 'id', 'customerId'],
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    },
    createdAt: { type: 'string', format: 'date-time' },
    readAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'kind', 'title', 'body', 'severity', 'popup', 'link', 'createdAt', 'readAt'],
  additionalProperties: false,
} as const;

export type NotificationView = FromSchema<typeof notificationViewSchema>;

export const notificationPageSchema = {
  title: 'Notification page',
  type: 'object',
  properties: {
    items: { type: 'array', items: notificationViewSchema },
    unreadCount: { type: 'integer', minimum: 0, description: 'all your unread notifications, whatever the page shows' },
    nextCursor: { type: ['string', 'null'], description: 'pass as `cursor` for the next (older) page; null on the last' },
  },
  required: ['items', 'unreadCount', 'nextCursor'],
  additionalProperties: false,
} as const;

export type NotificationPage = FromSchema<typeof notificationPageSchema>;

export const markedReadSchema = {
  title: 'Notifications marked read',
  type: 'object',
  properties: {
    marked: { type: 'integer', minimum: 0, description: 'how many were unread and are read now' },
    unreadCount: { type: 'integer', minimum: 0 },
  },
  required: ['marked', 'unreadCount'],
  additionalProperties: false,
} as const;

export type MarkedRead = FromSchema<typeof markedReadSchema>;

/** A notification row as the queries select it. */
export interface NotificationRow {
  id: string | number;
  kind: string;
  title: { en: string; 'zh-CN': string };
  body: { en: string; 'zh-CN': string } | null;
  severity: NotificationSeverity;
  popup: boolean;
  entity: string | null;
  record_id: string | number | null;
  customer_id: string | number | null;
  created_at: Date | string;
  read_at: Date | string | null;
}

export const notificationColumns = 'id, kind, title, body, severity, popup, entity, record_id, customer_id, created_at, read_at';

export function notificationView(row: NotificationRow): NotificationView {
  return {
    id: Number(row.id),
    kind: row.kind,
    title: row.title,
    body: row.body,
    severity: row.severity,
    popup: row.popup,
    link:
      row.entity === null || row.record_id === null
        ? null
        : { entity: row.entity, id: Number(row.record_id), customerId: row.customer_id === null ? null : Number(row.customer_id) },
    // The ORM's pool hands timestamps over as text; a plain pg client as Date.
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
  };
}
