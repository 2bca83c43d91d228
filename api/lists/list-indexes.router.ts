import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession } from '../auth/require-session.middleware.ts';
import { route } from '../http/route-operation.ts';
import { listCustomFieldIndexes } from './custom-field-indexes.ts';
import { listCustomFieldIndexesOperation } from './list-indexes.operations.ts';

/** The administrators' view of the expression indexes lists made. */
export function listIndexesRouter(orm: MikroORM): Router {
  const router = Router();
  route(router, listCustomFieldIndexesOperation, requireSession(orm), requirePermission('mayManageDefinitions'), async (_input, _request, response) => {
    response.json({ items: await listCustomFieldIndexes(orm.em.fork()) });
  });
  return router;
}
