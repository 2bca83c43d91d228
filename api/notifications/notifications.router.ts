import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { requestOrigin } from '../commands/request-origin.ts';
import { route } from '../http/route-operation.ts';
import type { Logger } from '../observability/logger.ts';
import { listNotifications } from './list-notifications.query.ts';
import { markAllNotificationsRead, markNotificationRead } from './mark-notifications-read.command.ts';
import { noSuchNotification } from './notification-problems.ts';
import { streamNotifications } from './notification-stream.ts';
import {
  listNotificationsOperation,
  markAllNotificationsReadOperation,
  markNotificationReadOperation,
  streamNotificationsOperation,
} from './notifications.operations.ts';

export interface NotificationsRouterOptions {
  heartbeatMs?: number;
  logger?: Logger;
}

/** /api/me/notifications: each person reads and marks only their own. */
export function notificationsRouter(orm: MikroORM, options: NotificationsRouterOptions = {}): Router {
  const router = Router();
  const signedIn = requireSession(orm);

  route(router, streamNotificationsOperation, signedIn, async (_input, request, response) => {
    await streamNotifications(orm, signedInOf(response), request, response, {
      heartbeatMs: options.heartbeatMs ?? 15_000,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
  });

  route(router, listNotificationsOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listNotifications(orm, signedInOf(response).user.id, query));
  });

  route(router, markAllNotificationsReadOperation, signedIn, async ({ body }, request, response) => {
    response.json(await markAllNotificationsRead(orm, requestOrigin(request, response), signedInOf(response).user.id, body));
  });

  route(router, markNotificationReadOperation, signedIn, async ({ params }, request, response) => {
    const id = recordId(params.id, noSuchNotification);
    response.json(await markNotificationRead(orm, requestOrigin(request, response), signedInOf(response).user.id, id));
  });

  return router;
}
