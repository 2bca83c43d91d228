import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { requestOrigin } from '../commands/request-origin.ts';
import { requestLocale } from '../http/request-locale.ts';
import { route } from '../http/route-operation.ts';
import { noSuchImport } from './customer-import-problems.ts';
import { cancelCustomerImport, startCustomerImport, uploadCustomerImport } from './customer-imports.commands.ts';
import {
  cancelCustomerImportOperation,
  createImportMappingOperation,
  customerImportIssuesOperation,
  dryRunCustomerImportOperation,
  getCustomerImportOperation,
  listCustomerImportsOperation,
  listImportMappingsOperation,
  startCustomerImportOperation,
  uploadCustomerImportOperation,
} from './customer-imports.operations.ts';
import { customerImportView, importIssues, listCustomerImports } from './customer-imports.queries.ts';
import { writeIssueReport } from './import-issue-report.ts';
import { createImportMapping, listImportMappings } from './import-mappings.ts';

const reportTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** Spreadsheet imports of customers, for roles with `mayImport` (see docs/import.md). */
export function customerImportsRouter(orm: MikroORM): Router {
  const router = Router();
  const guards = [requireSession(orm), requirePermission('mayImport')];
  const importId = (raw: string) => recordId(raw, noSuchImport);

  route(router, uploadCustomerImportOperation, ...guards, async ({ query }, request, response) => {
    const created = await uploadCustomerImport(orm, requestOrigin(request, response), signedInOf(response), request, query.fileName);
    response.status(201).location(`/api/imports/${created.id}`).json(created);
  });

  route(router, listCustomerImportsOperation, ...guards, async (_input, _request, response) => {
    response.json({ items: await listCustomerImports(orm, signedInOf(response)) });
  });

  route(router, getCustomerImportOperation, ...guards, async ({ params }, _request, response) => {
    response.json(await customerImportView(orm, signedInOf(response), importId(params.id)));
  });

  route(router, dryRunCustomerImportOperation, ...guards, async ({ params, body }, request, response) => {
    response.status(202).json(await startCustomerImport(orm, requestOrigin(request, response), signedInOf(response), importId(params.id), 'dryRun', body));
  });

  route(router, startCustomerImportOperation, ...guards, async ({ params, body }, request, response) => {
    response.status(202).json(await startCustomerImport(orm, requestOrigin(request, response), signedInOf(response), importId(params.id), 'import', body));
  });

  route(router, cancelCustomerImportOperation, ...guards, async ({ params }, request, response) => {
    response.json(await cancelCustomerImport(orm, requestOrigin(request, response), signedInOf(response), importId(params.id)));
  });

  route(router, customerImportIssuesOperation, ...guards, async ({ params, query }, request, response) => {
    const id = importId(params.id);
    const issues = importIssues(orm, signedInOf(response), id);
    // The first page is read before any header goes out, so a 404 is still a proper problem answer.
    const first = await issues.next();
    const all = (async function* () {
      if (first.done !== true) yield first.value;
      yield* issues;
    })();
    if (query.format === 'json') {
      const items = [];
      for await (const issue of all) {
        items.push({ row: issue.row_number, outcome: issue.outcome, column: issue.column_header, value: issue.value, reason: issue.reason });
      }
      response.json({ items });
      return;
    }
    response.type(reportTypes[query.format]).attachment(`import-${id}-errors.${query.format}`);
    await writeIssueReport(all, query.format, requestLocale(request), response);
  });

  route(router, listImportMappingsOperation, ...guards, async (_input, _request, response) => {
    response.json({ items: await listImportMappings(orm, signedInOf(response)) });
  });

  route(router, createImportMappingOperation, ...guards, async ({ body }, request, response) => {
    response.status(201).json(await createImportMapping(orm, requestOrigin(request, response), signedInOf(response), body));
  });

  return router;
}
