import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { route } from '../http/route-operation.ts';
import { noSuchCallScript } from './call-script-problems.ts';
import { createCallScript, deleteCallScript, updateCallScript } from './call-scripts.commands.ts';
import {
  createCallScriptOperation,
  deleteCallScriptOperation,
  getCallScriptOperation,
  listCallScriptsOperation,
  updateCallScriptOperation,
} from './call-scripts.operations.ts';
import { findCallScript, listCallScripts } from './call-scripts.queries.ts';

/** 话术: everyone reads the reference scripts and keeps their own; managers and administrators keep the reference ones. */
export function callScriptsRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const scriptId = (raw: string) => recordId(raw, noSuchCallScript);

  route(router, listCallScriptsOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listCallScripts(orm, signedInOf(response), query));
  });

  route(router, createCallScriptOperation, signedIn, async ({ body }, request, response) => {
    const script = await createCallScript(orm, requestOrigin(request, response), signedInOf(response), body);
    response.status(201).location(`/api/call-scripts/${script.id}`).json(script);
  });

  route(router, getCallScriptOperation, signedIn, async ({ params }, _request, response) => {
    response.json(await findCallScript(orm, signedInOf(response), scriptId(params.id)));
  });

  route(router, updateCallScriptOperation, signedIn, async ({ params, body }, request, response) => {
    const { version, ...changes } = body;
    const id = scriptId(params.id);
    response.json(await updateCallScript(orm, requestOrigin(request, response), signedInOf(response), id, expectedVersion(request, version), changes));
  });

  route(router, deleteCallScriptOperation, signedIn, async ({ params }, request, response) => {
    await deleteCallScript(orm, requestOrigin(request, response), signedInOf(response), scriptId(params.id));
    response.status(204).end();
  });

  return router;
}
