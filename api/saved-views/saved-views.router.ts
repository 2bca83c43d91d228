import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { route } from '../http/route-operation.ts';
import { noSuchSavedView } from './saved-view-problems.ts';
import { createSavedView, deleteSavedView, updateSavedView } from './saved-views.commands.ts';
import {
  createSavedViewOperation,
  deleteSavedViewOperation,
  getSavedViewOperation,
  listSavedViewsOperation,
  updateSavedViewOperation,
} from './saved-views.operations.ts';
import { findSavedView, listSavedViews } from './saved-views.queries.ts';

/** Saved list views: everyone signed in keeps their own and reads those shared with their role. */
export function savedViewsRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const viewId = (raw: string) => recordId(raw, noSuchSavedView);

  route(router, listSavedViewsOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listSavedViews(orm, signedInOf(response), query));
  });

  route(router, createSavedViewOperation, signedIn, async ({ body }, request, response) => {
    const view = await createSavedView(orm, requestOrigin(request, response), signedInOf(response), body);
    response.status(201).location(`/api/saved-views/${view.id}`).json(view);
  });

  route(router, getSavedViewOperation, signedIn, async ({ params }, _request, response) => {
    response.json(await findSavedView(orm, signedInOf(response), viewId(params.id)));
  });

  route(router, updateSavedViewOperation, signedIn, async ({ params, body }, request, response) => {
    const { version, ...changes } = body;
    const id = viewId(params.id);
    response.json(await updateSavedView(orm, requestOrigin(request, response), signedInOf(response), id, expectedVersion(request, version), changes));
  });

  route(router, deleteSavedViewOperation, signedIn, async ({ params }, request, response) => {
    await deleteSavedView(orm, requestOrigin(request, response), signedInOf(response), viewId(params.id));
    response.status(204).end();
  });

  return router;
}
