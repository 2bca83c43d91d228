import { defineOperation, type ApiTag } from '../http/operation.ts';
import { listNotificationsQuerySchema, markAllReadBodySchema } from './notification-bodies.schema.ts';
import { markedReadSchema, notificationPageSchema, notificationViewSchema } from './notification-view.schema.ts';

export const notificationsTag = {
  name: 'notifications',
  title: { en: 'Notifications', 'zh-CN': '通知' },
  description: {
    en: 'What you are told: follow-up reminders falling due, tickets assigned or escalated, customers given to you or taken away. Listed here, marked read, and pushed live to the console as Server-Sent Events.',
    'zh-CN': '发给您的消息：到期的跟进提醒、分派或升级的工单、分配给您或被收回的客户。可在此列出、标为已读，并以 Server-Sent Events 实时推送到工作台。',
  },
} as const satisfies ApiTag;

const notificationParams = {
  type: 'object',
  properties: { id: { type: 'string', description: 'the notification’s id' } },
  required: ['id'],
} as const;

export const listNotificationsOperation = defineOperation({
  operationId: 'listNotifications',
  method: 'get',
  path: '/me/notifications',
  summary: { en: 'Your notifications', 'zh-CN': '我的通知' },
  description: 'Newest first, a page at a time; `unread=true` lists only those not read yet. `unreadCount` counts all your unread ones.',
  tags: [notificationsTag],
  auth: 'session',
  query: listNotificationsQuerySchema,
  responses: { 200: { description: 'A page of your notifications.', body: notificationPageSchema } },
});

export const markNotificationReadOperation = defineOperation({
  operationId: 'markNotificationRead',
  method: 'post',
  path: '/me/notifications/:id/read',
  summary: { en: 'Mark a notification read', 'zh-CN': '将通知标为已读' },
  description: 'Marking it again keeps the time it was first read.',
  tags: [notificationsTag],
  auth: 'session',
  params: notificationParams,
  responses: { 200: { description: 'The notification, read.', body: notificationViewSchema } },
  problems: { 404: '`not-found`: you have no notification with this id (someone else’s is not yours to see).' },
});

export const markAllNotificationsReadOperation = defineOperation({
  operationId: 'markAllNotificationsRead',
  method: 'post',
  path: '/me/notifications/read-all',
  summary: { en: 'Mark all notifications read', 'zh-CN': '全部标为已读' },
  description: 'All your unread notifications, or those up to `upToId` — the newest you were shown — so one that arrived meanwhile stays unread.',
  tags: [notificationsTag],
  auth: 'session',
  body: markAllReadBodySchema,
  responses: { 200: { description: 'How many were marked, and how many are left unread.', body: markedReadSchema } },
});

export const streamNotificationsOperation = defineOperation({
  operationId: 'streamNotifications',
  method: 'get',
  path: '/me/notifications/stream',
  summary: { en: 'Your notifications, live', 'zh-CN': '实时通知' },
  description:
    'A Server-Sent Events stream (use a browser EventSource): `ready` with `{unreadCount}` first, then one `notification` ' +
    'event per new notification (data: the notification; id: its id), and a `: heartbeat` comment every 15 seconds. ' +
    'Reconnecting with `Last-Event-ID` first sends the ones created since. The stream ends when your session does.',
  tags: [notificationsTag],
  auth: 'session',
  headers: { 'Last-Event-ID': { description: 'the id of the last notification event received (EventSource sends it)', schema: { type: 'string' } } },
  responses: { 200: { description: 'The stream.', mediaType: 'text/event-stream' } },
  problems: { 406: '`not-acceptable`: the request does not accept text/event-stream.' },
});
