import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { claimNextImport, runCustomerImport } from '../../api/imports/run-customer-import.ts';
import { api } from '../support/records-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

export type SheetCell = string | number | Date | null;

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx file as exceljs's streaming writer makes it: one worksheet, the header row first. */
export async function xlsxOf(headers: readonly string[], rows: Iterable<readonly SheetCell[]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow([...headers]).commit();
  for (const row of rows) {
    const added = sheet.addRow([...row]);
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A CSV file's text: cells quoted where they need it, CRLF line ends as Excel writes them. */
export function csvOf(headers: readonly string[], rows: Iterable<readonly SheetCell[]>): string {
  const cell = (value: SheetCell) => {
    const text = value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Uploads a file as the workspace does: the raw bytes as the body, the name in the query. */
export async function upload(app: TestApp, cookie: string, file: Buffer | string, fileName: string, contentType: string) {
  const response = await fetch(`${app.url}/api/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { cookie, origin: app.url, 'content-type': contentType },
    body: typeof file === 'string' ? file : new Uint8Array(file),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** Runs every queued import to its end, as the scheduled worker job does. */
export async function runQueuedImports(app: TestApp): Promise<void> {
  for (let id = await claimNextImport(app.orm); id !== undefined; id = await claimNextImport(app.orm)) await runCustomerImport(app.orm, id);
}

export async function importOf(app: TestApp, cookie: string, id: number) {
  const response = await api(app, 'GET', `/api/imports/${id}`, { cookie });
  if (response.status !== 200) throw new Error(`import ${id} answered ${response.status}`);
  return response.body;
}

export const keepAll = (headers: readonly string[]) => headers.map((header) => ({ header, target: null as string | null }));
