import type { MikroORM } from '@mikro-orm/postgresql';
import { Router, type Request, type Response } from 'express';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { requestOrigin } from '../commands/request-origin.ts';
import { HttpProblem, validationFailed } from '../http/http-problem.ts';
import { route } from '../http/route-operation.ts';
import { readListRequest } from '../lists/list-request.ts';
import { listFieldAccess, recordListCatalogue } from '../lists/record-list-catalogue.ts';
import { chosenColumns, exportableColumns } from './export-columns.ts';
import { exportedLists, type ExportedList } from './exported-lists.ts';
import {
  exportContactRecordsOperation,
  exportCustomersOperation,
  exportLeadsOperation,
  exportOpportunitiesOperation,
  exportOrdersOperation,
  exportTicketsOperation,
} from './exports.operations.ts';
import { recordListExport } from './record-list-export.ts';
import { writeListExport } from './write-list-export.ts';
import type { Problem } from '../../engine/validation/problem.ts';

function columnsForbidden(problems: readonly Problem[]): HttpProblem {
  return new HttpProblem(
    403,
    'forbidden',
    { en: 'Not allowed', 'zh-CN': '无权操作' },
    { en: `Your role may not export ${problems.length} of the columns named.`, 'zh-CN': `您的角色无权导出所列的 ${problems.length} 列。` },
    problems,
  );
}

/**
 * Checks the request as the list would (filter, sort, field permissions) and the columns, then streams the sheet and
 * records the export. Every refusal happens before the first byte, so it is still a problem+json answer.
 */
async function exportList(orm: MikroORM, list: ExportedList, query: Record<string, unknown>, request: Request, response: Response): Promise<void> {
  const caller = signedInOf(response);
  const em = orm.em.fork();
  const access = await listFieldAccess(em, list.entity, caller.role);
  const catalogue = await recordListCatalogue(em, list.entity, true);
  const listRequest = readListRequest(query as { filter?: string; sort?: string }, catalogue, access, caller.role.labels);
  const isHidden = (key: string) => (key.startsWith('custom.') ? access.custom.get(key.slice(7)) : access.columns.get(key))?.access === 'hidden';
  const chosen = chosenColumns(query['columns'] as string | undefined, exportableColumns(list.fields, catalogue, access), isHidden);
  if (chosen.invalid.length > 0) throw validationFailed(chosen.invalid);
  if (chosen.forbidden.length > 0) throw columnsForbidden(chosen.forbidden);

  const origin = requestOrigin(request, response);
  const startedAt = new Date();
  response.status(200);
  response.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  response.attachment(`${list.fileStem}-${startedAt.toISOString().slice(0, 10)}.xlsx`);
  const progress = { rows: 0 };
  let recorded = false;
  const record = async (completed: boolean) => {
    recorded = true;
    const columns = chosen.columns.map((column) => column.key);
    await recordListExport(orm, origin, caller.user.id, { entity: list.entity, query, columns, rows: progress.rows, completed, startedAt });
  };
  let completed = false;
  try {
    completed = await writeListExport(em, response, {
      list,
      source: list.source(caller, catalogue, access, query),
      request: listRequest,
      columns: chosen.columns,
      access,
      locale: caller.user.locale,
      context: { now: startedAt, timeZone: caller.user.timeZone },
      progress,
      beforeClose: () => record(true),
    });
  } finally {
    // A reader who went away, or a failure half-way: still recorded, with the rows that had been written.
    if (!completed && !recorded) await record(false);
  }
}

/** Streamed .xlsx exports of the lists, for roles that may export. Mount before the lists' `/:id` routes. */
export function exportsRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const mayExport = requirePermission('mayExport');

  route(router, exportCustomersOperation, signedIn, mayExport, async ({ query }, request, response) => {
    await exportList(orm, exportedLists.customer, query, request, response);
  });

  route(router, exportLeadsOperation, signedIn, mayExport, async ({ query }, request, response) => {
    await exportList(orm, exportedLists.lead, query, request, response);
  });

  route(router, exportOpportunitiesOperation, signedIn, mayExport, async ({ query }, request, response) => {
    await exportList(orm, exportedLists.opportunity, query, request, response);
  });

  route(router, exportOrdersOperation, signedIn, mayExport, async ({ query }, request, response) => {
    await exportList(orm, exportedLists.order, query, request, response);
  });

  route(router, exportTicketsOperation, signedIn, mayExport, async ({ query }, request, response) => {
    await exportList(orm, exportedLists.ticket, query, request, response);
  });

  route(router, exportContactRecordsOperation, signedIn, mayExport, async ({ query }, request, response) => {
    await exportList(orm, exportedLists.contactRecord, query, request, response);
  });

  return router;
}
