import type { MikroORM } from '@mikro-orm/postgresql';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { findNotification, unreadCount } from './list-notifications.query.ts';
import type { MarkAllReadBody } from './notification-bodies.schema.ts';
import { noSuchNotification } from './notification-problems.ts';
import type { MarkedRead, NotificationView } from './notification-view.schema.ts';

// Reading one's own notifications changes nothing anyone else sees, so these commands write no audit entry.

/** Marks one of the caller's notifications read; reading it again keeps the first time. */
export async function markNotificationRead(orm: MikroORM, origin: CommandOrigin, userId: number, id: number): Promise<NotificationView> {
  return runCommand(orm, origin, async (context) => {
    await boundQuery(context.em, 'update notification set read_at = $3 where id = $1 and user_id = $2 and read_at is null', [id, userId, context.now]);
    const found = await findNotification(context.em, userId, id);
    if (found === undefined) throw noSuchNotification(id);
    return found;
  });
}

/** Marks every unread notification of the caller read (those up to `upToId` when given). */
export async function markAllNotificationsRead(orm: MikroORM, origin: CommandOrigin, userId: number, body: MarkAllReadBody): Promise<MarkedRead> {
  return runCommand(orm, origin, async (context) => {
    const marked = await boundExecute(
      context.em,
      'update notification set read_at = $3 where user_id = $1 and read_at is null and ($2::bigint is null or id <= $2)',
      [userId, body.upToId ?? null, context.now],
    );
    return { marked, unreadCount: await unreadCount(context.em, userId) };
  });
}
