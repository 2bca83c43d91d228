import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import type { CustomerImportView, ImportChoicesBody } from './customer-import-bodies.schema.ts';
import { checkImportChoices } from './customer-import-choices.ts';
import { outlineOf, receiveUpload, storeImportFile, uploadFormatOf } from './customer-import-file.ts';
import { importAlreadyOver, importNotStartable } from './customer-import-problems.ts';
import { customerImportView, lockedImportOf } from './customer-imports.queries.ts';
import type { StoredSettings } from './run-customer-import.ts';

/**
 * Receives a spreadsheet: streamed to a temporary file (413 past the limit), read once for its header row, a few
 * sample rows and its row count (400 when it cannot be read), then kept in the database for whichever worker runs
 * it. Nothing is imported yet; the answer carries the suggested mapping.
 */
export async function uploadCustomerImport(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, request: Request, fileName: string): Promise<CustomerImportView> {
  const format = uploadFormatOf(request.get('content-type'), fileName);
  const file = await receiveUpload(request);
  try {
    const outline = await outlineOf(file.path, format);
    const id = await runCommand(orm, origin, async (context) => {
      const [row] = await boundQuery<{ id: string }>(
        context.em,
        `insert into customer_import (created_by, file_name, file_format, file_size, header_row, headers, rows_total, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [caller.user.id, fileName, format, file.size, outline.headerRow, JSON.stringify(outline.headers), outline.rowsTotal, context.now],
      );
      const importId = Number(row!.id);
      await storeImportFile(context.em, importId, file.path);
      return importId;
    });
    return { ...(await customerImportView(orm, caller, id)), sampleRows: outline.sampleRows };
  } finally {
    await file.discard();
  }
}

/**
 * Queues a dry run or the import with the importer's choices, checked first (see checkImportChoices). A file is
 * dry-run as often as wanted and imported once; a new run starts from clean counters and an empty report.
 */
export async function startCustomerImport(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  mode: 'dryRun' | 'import',
  body: ImportChoicesBody,
): Promise<CustomerImportView> {
  await runCommand(orm, origin, async (context) => {
    const current = await lockedImportOf(context.em, caller, id);
    if (current.mode === 'import' || current.status === 'queued' || current.status === 'running') throw importNotStartable(current.status, current.mode);
    const definitions = await recordDefinitions(context.em, 'customer');
    const checked = await checkImportChoices(context.em, caller, body, current.headers, definitions);
    const settings: StoredSettings = { choices: body, stage: checked.stage, owner: checked.owner };
    await boundExecute(context.em, 'delete from customer_import_issue where import_id = $1', [id]);
    await boundExecute(
      context.em,
      `update customer_import set mode = $2, settings = $3, status = 'queued', cancel_requested = false, rows_done = 0, created_count = 0,
              updated_count = 0, skipped_count = 0, rejected_count = 0, failure = null, started_at = null, finished_at = null
       where id = $1`,
      [id, mode, JSON.stringify(settings)],
    );
  });
  return customerImportView(orm, caller, id);
}

/**
 * Cancels a run: a queued one at once; a running one at its next batch — the batch in progress commits whole
 * (this waits for it, as it holds the import's lock), the next one does not start.
 */
export async function cancelCustomerImport(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, id: number): Promise<CustomerImportView> {
  await runCommand(orm, origin, async (context) => {
    const current = await lockedImportOf(context.em, caller, id);
    if (current.status === 'queued') {
      await boundExecute(context.em, "update customer_import set status = 'cancelled', cancel_requested = true, finished_at = $2 where id = $1", [id, context.now]);
    } else if (current.status === 'running') {
      await boundExecute(context.em, 'update customer_import set cancel_requested = true where id = $1', [id]);
    } else {
      throw importAlreadyOver(current.status);
    }
  });
  return customerImportView(orm, caller, id);
}
