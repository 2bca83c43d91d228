import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { readSessionCookie } from '../auth/session-cookie.ts';
import { sessionIdleMs } from '../auth/session-lifetime.ts';
import { sessionIdOf } from '../auth/session-token.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { Logger } from '../observability/logger.ts';
import { findNotification, notificationsAfter, unreadCount } from './list-notifications.query.ts';
import { notificationListener } from './notification-listener.ts';
import { eventStreamOnly } from './notification-problems.ts';
import type { NotificationView } from './notification-view.schema.ts';

export interface NotificationStreamSettings {
  /** How often a comment line keeps proxies from closing an idle stream, and the session is checked (default 15 s). */
  heartbeatMs: number;
  logger?: Logger;
}

// A browser's EventSource waits this long before it reconnects after the stream ends.
const reconnectAfterMs = 5_000;

async function sessionLive(orm: MikroORM, token: string | undefined): Promise<boolean> {
  if (token === undefined) return false;
  const now = new Date();
  // Checked without touching last_seen_at: an open tab alone must not keep an idle session alive.
  const rows = await boundQuery(
    orm.em.fork(),
    `select 1 from user_session s join app_user u on u.id = s.user_id and u.active
     where s.id = $1 and s.expires_at > $2 and s.last_seen_at > $3`,
    [sessionIdOf(token), now, new Date(now.getTime() - sessionIdleMs)],
  );
  return rows.length > 0;
}

/**
 * GET /api/me/notifications/stream: the caller's new notifications as Server-Sent Events, the moment their
 * transaction commits in any process (PostgreSQL LISTEN/NOTIFY, notification-listener.ts). Opens with `ready`
 * (the unread count), after the ones missed since `Last-Event-ID` when a browser reconnects; then one `notification`
 * event per notification (its id as the event id), and a heartbeat comment every `heartbeatMs`. The stream ends
 * when the browser goes, when the session ends (signed out, expired, user deactivated — checked at each heartbeat)
 * or when the database connection is lost; the browser's EventSource then reconnects by itself.
 */
export async function streamNotifications(
  orm: MikroORM,
  caller: SignedIn,
  request: Request,
  response: Response,
  settings: NotificationStreamSettings,
): Promise<void> {
  if (!(request.get('accept') ?? '').includes('text/event-stream')) throw eventStreamOnly();
  const userId = caller.user.id;
  const token = readSessionCookie(request);
  const em = orm.em.fork();
  const sent = new Set<number>();
  let open = true;
  let heartbeat: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let sending: Promise<void> = Promise.resolve();

  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    unsubscribe?.();
    response.end();
  };
  const write = (text: string) => {
    if (open) response.write(text);
  };
  const sendNotification = (view: NotificationView) => {
    if (sent.has(view.id)) return;
    // Only ids are remembered, to drop an announcement of one already sent from the backlog; a few thousand at most.
    if (sent.size > 5_000) sent.clear();
    sent.add(view.id);
    write(`id: ${view.id}\nevent: notification\ndata: ${JSON.stringify(view)}\n\n`);
  };
  // One send at a time, in arrival order; a failure ends the stream (the browser reconnects and catches up).
  const enqueue = (task: () => Promise<void>) => {
    sending = sending.then(task).catch((error: unknown) => {
      settings.logger?.warn('notification stream failed', { userId, error });
      close();
    });
  };

  response.on('close', close);
  // Subscribe before reading what was missed, so a notification committed in between is announced, not lost.
  unsubscribe = await notificationListener(orm).subscribe(userId, {
    onNotification: (id) =>
      enqueue(async () => {
        const view = await findNotification(em, userId, id);
        if (view !== undefined) sendNotification(view);
      }),
    onLost: close,
  });
  if (!open) {
    unsubscribe();
    return;
  }
  response.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // nginx and its kind buffer answers unless told not to, which would hold events back.
    'X-Accel-Buffering': 'no',
  });
  response.flushHeaders();
  write(`retry: ${reconnectAfterMs}\n\n`);

  const lastEventId = /^\d{1,15}$/.exec(request.get('last-event-id') ?? '')?.[0];
  enqueue(async () => {
    if (lastEventId !== undefined) for (const view of await notificationsAfter(em, userId, Number(lastEventId))) sendNotification(view);
    write(`event: ready\ndata: ${JSON.stringify({ unreadCount: await unreadCount(em, userId) })}\n\n`);
  });
  heartbeat = setInterval(() => {
    enqueue(async () => {
      if (await sessionLive(orm, token)) write(': heartbeat\n\n');
      else close();
    });
  }, settings.heartbeatMs);
}
