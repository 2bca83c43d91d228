import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { boundQuery } from '../database/bound-query.ts';
import { route } from '../http/route-operation.ts';
import { createWebForm, replaceWebForm } from './save-web-form.command.ts';
import { noSuchWebForm } from './web-form-problems.ts';
import { webFormById, webFormView, type WebFormRow } from './web-form-row.ts';
import { webFormSnippet } from './web-form-snippet.ts';
import {
  createWebFormOperation,
  getWebFormOperation,
  listWebFormsOperation,
  replaceWebFormOperation,
  webFormSnippetOperation,
} from './web-forms.operations.ts';

/** Web forms as admins define them; the public side is publicFormsRouter, outside /api. */
export function webFormsRouter(orm: MikroORM): Router {
  const router = Router();
  const admins = [requireSession(orm), requirePermission('mayManageDefinitions')] as const;
  const formId = (raw: string) => recordId(raw, noSuchWebForm);
  const formOf = async (raw: string) => {
    const row = await webFormById(orm.em.fork(), formId(raw));
    if (row === undefined) throw noSuchWebForm(raw);
    return row;
  };

  route(router, createWebFormOperation, ...admins, async ({ body }, request, response) => {
    const form = await createWebForm(orm, requestOrigin(request, response), body);
    response.status(201).location(`/api/web-forms/${form.id}`).json(form);
  });

  route(router, listWebFormsOperation, ...admins, async (_input, _request, response) => {
    const rows = await boundQuery<WebFormRow>(orm.em.fork(), 'select * from web_form order by id desc');
    response.json(rows.map(webFormView));
  });

  route(router, getWebFormOperation, ...admins, async ({ params }, _request, response) => {
    response.json(webFormView(await formOf(params.id)));
  });

  route(router, replaceWebFormOperation, ...admins, async ({ params, body }, request, response) => {
    const { version, ...settings } = body;
    const id = formId(params.id);
    response.json(await replaceWebForm(orm, requestOrigin(request, response), id, expectedVersion(request, version), settings));
  });

  route(router, webFormSnippetOperation, ...admins, async ({ params, query }, request, response) => {
    const form = await formOf(params.id);
    response.json(webFormSnippet(`${request.protocol}://${request.host}`, form.key, query.lang ?? 'zh-CN'));
  });

  return router;
}
