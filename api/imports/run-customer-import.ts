import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { RoleDocument } from '../../definitions/role.schema.ts';
import type { Locale } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { effectiveRole } from '../users/effective-role.ts';
import type { ImportChoicesBody } from './customer-import-bodies.schema.ts';
import { importableStages } from './customer-import-choices.ts';
import { importFileStream, isBlankRow } from './customer-import-file.ts';
import { readImportRow, rowReading, type ImportCandidate, type RowIssue } from './import-row-values.ts';
import { planImportBatch, type ImportRun, type RowDecision } from './plan-import-batch.ts';
import { spreadsheetRows, type SheetRow, type SpreadsheetFormat } from './spreadsheet-rows.ts';
import { insertImportedCustomers, updateImportedCustomers } from './write-import-batch.ts';

/** Rows per transaction: large enough for set-based statements to pay, small enough that a cancel waits briefly. */
export const importBatchRows = 1000;

/** A worker whose heartbeat is older than this is taken for dead, and its import for anyone to resume. */
const abandonedAfterMs = 2 * 60_000;

/** The settings a run was started with, as stored on the import. */
export interface StoredSettings {
  choices: ImportChoicesBody;
  stage: string;
  owner: ImportRun['owner'];
}

interface ClaimedImport {
  id: string;
  created_by: string;
  file_format: SpreadsheetFormat;
  header_row: number;
  headers: string[];
  mode: 'dryRun' | 'import';
  settings: StoredSettings;
  rows_done: number;
}

/** The importer as they are now: still active, with their role's current rights (a run outlives their session). */
async function importerOf(em: EntityManager, userId: number): Promise<SignedIn | undefined> {
  const [row] = await boundQuery<{
    id: string;
    login: string;
    display_name: string;
    email: string | null;
    team_id: string | null;
    time_zone: string;
    locale: Locale;
    role_document: RoleDocument;
  }>(
    em,
    `select u.id, u.login, u.display_name, u.email, u.team_id, u.time_zone, u.locale, r.document as role_document
     from app_user u join role r on r.key = u.role_key where u.id = $1 and u.active`,
    [userId],
  );
  if (row === undefined) return undefined;
  return {
    user: {
      id: Number(row.id),
      login: row.login,
      displayName: row.display_name,
      email: row.email,
      teamId: row.team_id === null ? null : Number(row.team_id),
      timeZone: row.time_zone,
      locale: row.locale,
    },
    role: effectiveRole(row.role_document),
  };
}

/**
 * Takes the oldest queued import — or one whose worker stopped beating — for this worker, with `skip locked` so
 * two workers never take the same one. Undefined when there is none.
 */
export async function claimNextImport(orm: MikroORM): Promise<number | undefined> {
  const [row] = await boundQuery<{ id: string }>(
    orm.em.fork(),
    `update customer_import set status = 'running', heartbeat_at = now(), started_at = coalesce(started_at, now())
     where id = (select id from customer_import
                 where status = 'queued' or (status = 'running' and heartbeat_at < now() - $1::interval)
                 order by id limit 1 for update skip locked)
     returning id`,
    [`${abandonedAfterMs} milliseconds`],
  );
  return row === undefined ? undefined : Number(row.id);
}

/** Ends the run; once a file has been imported to its end (not only dry-run) its stored bytes are no longer needed. */
async function finish(orm: MikroORM, id: number, status: 'finished' | 'cancelled' | 'failed', failure: string | null = null): Promise<void> {
  await boundExecute(
    orm.em.fork(),
    `with ended as (
       update customer_import set status = $2, failure = $3, finished_at = now(), heartbeat_at = null
       where id = $1 and status = 'running' returning mode
     )
     delete from customer_import_chunk where import_id = $1 and exists (select 1 from ended where mode = 'import' and $2 = 'finished')`,
    [id, status, failure],
  );
}

type ReadRow = { candidate: ImportCandidate } | { issues: RowIssue[] };

/** Data rows after the header, blank ones left out, the first `skip` (done by an earlier worker) passed over. */
async function* dataRows(rows: AsyncGenerator<SheetRow>, headerRow: number, skip: number): AsyncGenerator<SheetRow> {
  let seen = 0;
  for await (const row of rows) {
    if (row.rowNumber <= headerRow || isBlankRow(row.cells)) continue;
    seen += 1;
    if (seen > skip) yield row;
  }
}

/**
 * Runs a claimed import to its end: reads the stored file as a stream, and for each batch of rows opens one
 * transaction that checks for a cancel (under the import row's lock, which a cancel waits for), plans the batch,
 * writes it (a real run) or only counts it (a dry run), records its issues and moves the counters — so progress,
 * counts and customers always agree, and a cancel or a crash never leaves half a batch.
 */
export async function runCustomerImport(orm: MikroORM, id: number): Promise<void> {
  try {
    const outcome = await runBatches(orm, id);
    await finish(orm, id, outcome);
  } catch (error) {
    await finish(orm, id, 'failed', error instanceof Error ? error.message : String(error));
  }
}

async function runBatches(orm: MikroORM, id: number): Promise<'finished' | 'cancelled'> {
  const em = orm.em.fork();
  const [row] = await boundQuery<ClaimedImport>(
    em,
    'select id, created_by, file_format, header_row, headers, mode, settings, rows_done from customer_import where id = $1',
    [id],
  );
  if (row === undefined) throw new Error(`import ${id} is gone`);
  const importer = await importerOf(em, Number(row.created_by));
  if (importer === undefined) throw new Error('the user who started this import is no longer active');
  const definitions = await recordDefinitions(em, 'customer');
  const { choices, stage, owner } = row.settings;
  const reading = rowReading(row.headers, choices.mapping, {
    fields: definitions.fields,
    machine: definitions.machine.document,
    stage,
    allowedStages: importableStages(definitions, importer.role.key),
    timeZone: importer.user.timeZone,
  });
  const run: ImportRun = {
    importer,
    reading,
    dedupeBy: new Set(choices.dedupe.by),
    policy: choices.dedupe.policy,
    owner,
    fileKeys: new Map(),
    updatedCustomers: new Map(),
  };

  let batch: ReadRow[] = [];
  const rows = dataRows(spreadsheetRows(row.file_format, () => importFileStream(em, id)), row.header_row, row.rows_done);
  for await (const sheetRow of rows) {
    batch.push(readImportRow(reading, sheetRow.rowNumber, sheetRow.cells));
    if (batch.length >= importBatchRows) {
      if (!(await commitBatch(orm, id, row.mode, run, definitions, batch))) return 'cancelled';
      batch = [];
    }
  }
  if (batch.length > 0 && !(await commitBatch(orm, id, row.mode, run, definitions, batch))) return 'cancelled';
  return 'finished';
}

/** One batch in one transaction; false when a cancel was asked for (and nothing of this batch was written). */
async function commitBatch(
  orm: MikroORM,
  id: number,
  mode: 'dryRun' | 'import',
  run: ImportRun,
  definitions: Awaited<ReturnType<typeof recordDefinitions>>,
  batch: readonly ReadRow[],
): Promise<boolean> {
  return runCommand(orm, { actorId: run.importer.user.id, requestId: `import:${id}` }, async (context) => {
    const [state] = await boundQuery<{ cancel_requested: boolean }>(context.em, 'select cancel_requested from customer_import where id = $1 for update', [id]);
    if (state === undefined || state.cancel_requested) return false;

    const issues: RowIssue[] = [];
    const counts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
    const candidates: ImportCandidate[] = [];
    for (const read of batch) {
      if ('issues' in read) {
        issues.push(...read.issues);
        counts.rejected += 1;
      } else {
        candidates.push(read.candidate);
      }
    }
    const decisions = await planImportBatch(context.em, run, candidates, mode === 'import');
    for (const decision of decisions) {
      if (decision.kind === 'skip' || decision.kind === 'reject') {
        issues.push(...decision.issues);
        counts[decision.kind === 'skip' ? 'skipped' : 'rejected'] += 1;
      }
    }
    const creates = decisions.filter((decision): decision is Extract<RowDecision, { kind: 'create' }> => decision.kind === 'create');
    const updates = decisions.filter((decision): decision is Extract<RowDecision, { kind: 'update' }> => decision.kind === 'update');
    counts.created = creates.length;
    counts.updated = updates.length;
    if (mode === 'import') {
      await insertImportedCustomers(context, run, definitions, id, creates);
      const lost = await updateImportedCustomers(context, id, updates);
      counts.updated -= lost.length;
      counts.rejected += lost.length;
      for (const rowNumber of lost) {
        issues.push({
          rowNumber,
          outcome: 'rejected',
          column: null,
          value: null,
          reason: { en: 'Someone changed this customer while the import ran; import the row again.', 'zh-CN': '导入过程中有人修改了该客户，请重新导入此行。' },
        });
      }
    }
    await boundExecute(
      context.em,
      `with issues as (
         insert into customer_import_issue (import_id, row_number, outcome, column_header, value, reason)
         select $1, i.row_number, i.outcome, i.column_header, i.value, i.reason
         from jsonb_to_recordset($2::jsonb) as i(row_number int, outcome text, column_header text, value text, reason jsonb)
       )
       update customer_import set rows_done = rows_done + $3, created_count = created_count + $4, updated_count = updated_count + $5,
              skipped_count = skipped_count + $6, rejected_count = rejected_count + $7, heartbeat_at = now()
       where id = $1`,
      [
        id,
        JSON.stringify(issues.map((issue) => ({ row_number: issue.rowNumber, outcome: issue.outcome, column_header: issue.column, value: issue.value, reason: issue.reason }))),
        batch.length,
        counts.created,
        counts.updated,
        counts.skipped,
        counts.rejected,
      ],
    );
    return true;
  });
}
