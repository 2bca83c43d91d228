import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { route } from '../http/route-operation.ts';
import { listFieldsOf } from './list-fields.ts';
import { listListFieldsOperation } from './list-fields.operations.ts';
import { listFieldAccess, recordListCatalogue } from './record-list-catalogue.ts';

/** GET /api/lists/:entity/fields — what a list's filter builder and sort may offer the caller. */
export function listFieldsRouter(orm: MikroORM): Router {
  const router = Router();
  route(router, listListFieldsOperation, requireSession(orm), async ({ params }, _request, response) => {
    const em = orm.em.fork();
    const catalogue = await recordListCatalogue(em, params.entity, true);
    const access = await listFieldAccess(em, params.entity, signedInOf(response).role);
    response.json({ fields: listFieldsOf(catalogue, access) });
  });
  return router;
}
