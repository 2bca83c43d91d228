import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { fileTooLarge, unreadableFile, unsupportedFileType } from './customer-import-problems.ts';
import { headersOf } from './import-columns.ts';
import { spreadsheetRows, type CellValue, type SpreadsheetFormat } from './spreadsheet-rows.ts';

/** The largest file an import takes: some 300,000 rows of a typical customer sheet. */
export const maxImportFileBytes = 50 * 1024 * 1024;
const chunkBytes = 1024 * 1024;
const sampleRowCount = 5;

const xlsxTypes = new Set(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
const csvTypes = new Set(['text/csv', 'application/csv', 'text/plain', 'text/comma-separated-values']);

/**
 * .xlsx or .csv from the Content-Type, or — for the types browsers send for either (`application/octet-stream`,
 * Windows' `application/vnd.ms-excel` for .csv) — from the file name's extension.
 */
export function uploadFormatOf(contentType: string | undefined, fileName: string): SpreadsheetFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (xlsxTypes.has(type)) return 'xlsx';
  if (csvTypes.has(type)) return 'csv';
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  throw unsupportedFileType(type);
}

/** A received upload in a temporary folder of its own; `discard` removes it. */
export interface ReceivedFile {
  path: string;
  size: number;
  discard(): Promise<void>;
}

/**
 * Streams the request body to a temporary file, refusing (413) a body whose Content-Length, or whose bytes as they
 * arrive, pass the limit — so an oversized upload is never held in memory nor kept on disk.
 */
export async function receiveUpload(request: Request, limitBytes = maxImportFileBytes): Promise<ReceivedFile> {
  const declared = Number(request.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    request.resume();
    throw fileTooLarge(limitBytes);
  }
  const folder = await mkdtemp(path.join(tmpdir(), 'stagecraft-import-'));
  const file = path.join(folder, 'upload');
  const discard = () => rm(folder, { recursive: true, force: true });
  let size = 0;
  let tooLarge = false;
  try {
    await pipeline(
      request,
      async function* limit(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > limitBytes) {
            tooLarge = true;
            throw fileTooLarge(limitBytes);
          }
          yield chunk;
        }
      },
      createWriteStream(file),
    );
  } catch (error) {
    await discard();
    if (tooLarge) throw fileTooLarge(limitBytes);
    throw error;
  }
  return { path: file, size, discard };
}

/** What the mapping step needs from a file: its header row, a few rows to look at, and how many data rows follow. */
export interface FileOutline {
  headerRow: number;
  headers: string[];
  sampleRows: Array<Array<string | null>>;
  rowsTotal: number;
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function cellText(cell: CellValue): string | null {
  if (cell === null) return null;
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/** Reads the file once, streaming: the first non-blank row is the header row; blank rows are not counted. */
export async function outlineOf(file: string, format: SpreadsheetFormat): Promise<FileOutline> {
  if (format === 'xlsx') await assertZip(file);
  let outline: FileOutline | undefined;
  try {
    for await (const row of spreadsheetRows(format, () => createReadStream(file))) {
      if (isBlankRow(row.cells)) continue;
      if (outline === undefined) {
        outline = { headerRow: row.rowNumber, headers: headersOf(row.cells), sampleRows: [], rowsTotal: 0 };
        continue;
      }
      outline.rowsTotal += 1;
      if (outline.sampleRows.length < sampleRowCount) outline.sampleRows.push(outline.headers.map((_header, index) => cellText(row.cells[index] ?? null)));
    }
  } catch (error) {
    throw unreadableFile(format, error instanceof Error ? error.message : String(error));
  }
  if (outline === undefined) throw unreadableFile(format, 'the file has no rows');
  return outline;
}

// exceljs reports a non-zip file with an unhelpful error deep in its unzipper; the four magic bytes say it plainly.
async function assertZip(file: string): Promise<void> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    if (bytesRead < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw unreadableFile('xlsx', 'it is not an .xlsx (zip) file');
  } finally {
    await handle.close();
  }
}

/** Copies the file into the import's chunks, 1 MB at a time, inside the caller's transaction. */
export async function storeImportFile(em: EntityManager, importId: number, file: string): Promise<void> {
  let seq = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes })) {
    await boundExecute(em, 'insert into customer_import_chunk (import_id, seq, bytes) values ($1, $2, $3)', [importId, seq, chunk]);
    seq += 1;
  }
}

/** The stored file as a stream, read back one chunk at a time (whichever process runs the import). */
export function importFileStream(em: EntityManager, importId: number): Readable {
  return Readable.from(
    (async function* chunks() {
      for (let seq = 0; ; seq += 1) {
        const [row] = await boundQuery<{ bytes: Buffer }>(em, 'select bytes from customer_import_chunk where import_id = $1 and seq = $2', [importId, seq]);
        if (row === undefined) return;
        yield row.bytes;
      }
    })(),
  );
}
