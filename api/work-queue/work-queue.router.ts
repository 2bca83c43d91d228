import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { route } from '../http/route-operation.ts';
import { nextQueueItemOperation, workQueueOperation } from './work-queue.operations.ts';
import { nextQueueItem, workQueue } from './work-queue.query.ts';

/** The caller's generated work queue (销售主线) and walking it item by item. */
export function workQueueRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);

  route(router, workQueueOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await workQueue(orm, signedInOf(response), query));
  });

  route(router, nextQueueItemOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await nextQueueItem(orm, signedInOf(response), query));
  });

  return router;
}
