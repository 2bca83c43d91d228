import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { boundQuery } from '../database/bound-query.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import type { CustomerImportView } from './customer-import-bodies.schema.ts';
import { noSuchImport } from './customer-import-problems.ts';
import { importTargets, suggestedMapping } from './import-columns.ts';
import type { SpreadsheetFormat } from './spreadsheet-rows.ts';

interface ImportRow {
  id: string;
  file_name: string;
  file_format: SpreadsheetFormat;
  file_size: string;
  headers: string[];
  rows_total: number;
  mode: 'dryRun' | 'import' | null;
  status: CustomerImportView['status'];
  cancel_requested: boolean;
  rows_done: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  rejected_count: number;
  failure: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

// An import is its starter's; an administrator (a role that sees every record) sees everyone's.
const visibleTo = (caller: SignedIn) => (caller.role.visibility === 'all' ? 'true' : 'created_by = $2');
const visibleParams = (caller: SignedIn) => (caller.role.visibility === 'all' ? [] : [caller.user.id]);

/** The import with its row lock held for the command, if the caller may see it; 404 otherwise. */
export async function lockedImportOf(em: EntityManager, caller: SignedIn, id: number): Promise<Pick<ImportRow, 'status' | 'mode' | 'headers'>> {
  const [row] = await boundQuery<ImportRow>(em, `select status, mode, headers from customer_import where id = $1 and ${visibleTo(caller)} for update`, [
    id,
    ...visibleParams(caller),
  ]);
  if (row === undefined) throw noSuchImport(id);
  return row;
}

// Timestamps arrive as text or as Date depending on the driver's type parsers.
const isoOf = (value: Date | string) => new Date(value).toISOString();

function viewOf(row: ImportRow): CustomerImportView {
  return {
    id: Number(row.id),
    fileName: row.file_name,
    format: row.file_format,
    fileSize: Number(row.file_size),
    headers: row.headers,
    mode: row.mode,
    status: row.status,
    cancelRequested: row.cancel_requested,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    counts: { created: row.created_count, updated: row.updated_count, skipped: row.skipped_count, rejected: row.rejected_count },
    failure: row.failure,
    createdAt: isoOf(row.created_at),
    startedAt: row.started_at === null ? null : isoOf(row.started_at),
    finishedAt: row.finished_at === null ? null : isoOf(row.finished_at),
  };
}

const columns = `id, file_name, file_format, file_size, headers, rows_total, mode, status, cancel_requested, rows_done, created_count,
                 updated_count, skipped_count, rejected_count, failure, created_at, started_at, finished_at`;

/** One import with its progress and counts, plus what the mapping step offers (targets and a suggested mapping). */
export async function customerImportView(orm: MikroORM, caller: SignedIn, id: number): Promise<CustomerImportView> {
  const em = orm.em.fork();
  const [row] = await boundQuery<ImportRow>(em, `select ${columns} from customer_import where id = $1 and ${visibleTo(caller)}`, [id, ...visibleParams(caller)]);
  if (row === undefined) throw noSuchImport(id);
  const { fields } = await recordDefinitions(em, 'customer');
  return { ...viewOf(row), suggestedMapping: suggestedMapping(row.headers, fields), targets: importTargets(fields) };
}

/** The caller's latest imports (everyone's for administrators), newest first. */
export async function listCustomerImports(orm: MikroORM, caller: SignedIn): Promise<CustomerImportView[]> {
  const where = caller.role.visibility === 'all' ? 'true' : 'created_by = $1';
  const rows = await boundQuery<ImportRow>(orm.em.fork(), `select ${columns} from customer_import where ${where} order by id desc limit 50`, visibleParams(caller));
  return rows.map(viewOf);
}

export interface ImportIssueRow {
  row_number: number;
  outcome: 'rejected' | 'skipped';
  column_header: string | null;
  value: string | null;
  reason: { en: string; 'zh-CN': string };
}

/** The import's issues in row order, a page at a time, so a long report never sits in memory whole. */
export async function* importIssues(orm: MikroORM, caller: SignedIn, id: number): AsyncGenerator<ImportIssueRow> {
  const em = orm.em.fork();
  const [visible] = await boundQuery(em, `select 1 from customer_import where id = $1 and ${visibleTo(caller)}`, [id, ...visibleParams(caller)]);
  if (visible === undefined) throw noSuchImport(id);
  const pageSize = 5_000;
  for (let offset = 0; ; offset += pageSize) {
    const page = await boundQuery<ImportIssueRow>(
      em,
      // Issues of one row were written together, so ctid keeps a row's issues in the order they were found.
      'select row_number, outcome, column_header, value, reason from customer_import_issue where import_id = $1 order by row_number, ctid limit $2 offset $3',
      [id, pageSize, offset],
    );
    yield* page;
    if (page.length < pageSize) return;
  }
}
