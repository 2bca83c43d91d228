import type { Writable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import type { EvaluationContext } from '../../engine/conditions/evaluation-context.ts';
import type { Locale } from '../../engine/validation/problem.ts';
import type { RecordFieldAccess } from '../customers/record-field-access.ts';
import type { ListRequest } from '../lists/list-request.ts';
import { readListRows, type ListSource } from '../lists/list-rows.ts';
import type { ExportColumn } from './export-columns.ts';
import type { ExportedList } from './exported-lists.ts';

/** Rows read (and turned into views) at a time: memory holds one batch, whatever the size of the export. */
export const exportBatchSize = 1_000;

export interface ExportWrite {
  list: ExportedList;
  source: ListSource;
  request: ListRequest;
  columns: readonly ExportColumn[];
  access: RecordFieldAccess;
  locale: Locale;
  context: EvaluationContext;
  /** Rows written so far, kept up to date: what an export that stops half-way reports. */
  progress: { rows: number };
  /** Runs after the last row and before the file is closed, so whoever gets the whole file finds it recorded. */
  beforeClose(rows: number): Promise<void>;
}

/**
 * exceljs quirk: the sheet's rows go into a buffer that writes on into the zip entry (a PassThrough of archiver's)
 * without heeding its backpressure, so rows produced faster than zlib compresses them pile up in memory (an export
 * of 100,000 rows grew by ~800 MB). The entry's own buffer is the only place the lag shows; wait on it.
 */
function zipEntryOf(sheet: unknown): Writable | undefined {
  return (sheet as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
}

function isBackedUp(stream: Writable): boolean {
  // archiver's streams come from readable-stream 2, which has no writableNeedDrain; its state says the same.
  const state = (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState;
  return stream.writableNeedDrain === true || state?.needDrain === true;
}

function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Streams the list's rows, batch after batch of keyset reads in the request's order, as an .xlsx sheet into `out`
 * through exceljs's streaming writer, each row committed as written. Waits for `out` to drain between batches, so a
 * slow reader slows the export instead of filling memory; stops early if `out` is closed. Answers whether the sheet
 * was written to its end.
 */
export async function writeListExport(em: EntityManager, out: Writable, job: ExportWrite): Promise<boolean> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(job.list.sheetName[job.locale]);
  sheet.columns = job.columns.map((column) => ({ header: column.header[job.locale], key: column.key, width: 18 }));
  let after = job.request.after;
  do {
    const batch = await readListRows(em, job.source, job.request, { after, limit: exportBatchSize, context: job.context });
    // A fresh EntityManager per batch: rows mapped to entities stay in its identity map, 100,000 of them otherwise.
    const views = await job.list.views(em.fork(), batch.rows, job.access);
    for (const view of views) sheet.addRow(job.columns.map((column) => column.cell(view, job.locale))).commit();
    job.progress.rows += views.length;
    after = batch.next;
    if (out.destroyed) return false;
    const entry = zipEntryOf(sheet);
    if (entry !== undefined && isBackedUp(entry)) await drainedOrClosed(entry);
    if (out.writableNeedDrain) await drainedOrClosed(out);
  } while (after !== undefined);
  sheet.commit();
  await job.beforeClose(job.progress.rows);
  await workbook.commit();
  return true;
}
