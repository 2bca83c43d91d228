import { Readable, Transform } from 'node:stream';
import { parseStream } from '@fast-csv/parse';
import ExcelJS from 'exceljs';

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** A cell as the import reads it: text, a number, a yes/no, a date (xlsx date cells), or nothing. */
export type CellValue = string | number | boolean | Date | null;

/** One row of the first worksheet: its 1-based number as the spreadsheet tool shows it, and its cells from column A. */
export interface SheetRow {
  rowNumber: number;
  cells: CellValue[];
}

/**
 * The rows of a spreadsheet, read as a stream so memory stays flat however long the file is: .xlsx through
 * exceljs's streaming WorkbookReader (first worksheet only), .csv through fast-csv after the text encoding is
 * worked out (UTF-8 with or without BOM, else GB18030 — what Excel on a Chinese Windows saves as "CSV"). `open`
 * gives the file's bytes from the start, each time it is called.
 */
export function spreadsheetRows(format: SpreadsheetFormat, open: () => Readable): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? xlsxRowsRetried(open) : csvRows(open());
}

/** A read in which exceljs left text cells as shared-string indexes (see xlsxRowsRetried). */
class UnresolvedSharedStrings extends Error {}

const xlsxReadAttempts = 5;

/**
 * exceljs's streaming reader now and then parses the worksheet without the shared strings it caches (an open race in
 * its zip handling, exceljs issue #683) and hands out `{ sharedString: n }` for every text cell: the import would
 * store "[object Object]" or refuse the row. Such a read stops at its first text cell and the file is read again
 * from the start, the rows already handed on skipped (a read gives the same rows every time).
 */
async function* xlsxRowsRetried(open: () => Readable): AsyncGenerator<SheetRow> {
  let handedOn = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      let seen = 0;
      for await (const row of xlsxRows(open())) {
        if (seen++ < handedOn) continue;
        yield row;
        handedOn++;
      }
      return;
    } catch (error) {
      if (!(error instanceof UnresolvedSharedStrings) || attempt >= xlsxReadAttempts) throw error;
    }
  }
}

type ChunkSource = AsyncIterable<Buffer | string>;

/** UTF-8 bytes → text, a character cut between two chunks put back together. */
async function* utf8Text(chunks: ChunkSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

interface ExcelJsReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: ChunkSource, sheetNo: string): Generator<unknown>;
}
const readerInternals = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ExcelJsReaderInternals;

/**
 * exceljs 4.4's streaming reader decodes each inflated chunk of the sheet and shared-strings XML on its own, so a
 * Chinese character that straddles two chunks turns into "��" (a few names in every thousand). Its XML parser takes
 * text chunks as they are, so this reader hands it text decoded across chunk boundaries instead of bytes.
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    return readerInternals._parseSharedStrings.call(this, Readable.from(utf8Text(entry)));
  }

  _parseWorksheet(iterator: ChunkSource, sheetNo: string): Generator<unknown> {
    return readerInternals._parseWorksheet.call(this, utf8Text(iterator), sheetNo);
  }
}

async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  // Styles are needed to tell a date cell from a number; shared strings are cached as exceljs requires.
  const reader = new Utf8WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const worksheets = reader[Symbol.asyncIterator]();
  const first = await worksheets.next();
  if (first.done === true) return;
  for await (const row of first.value) {
    const values = (row.values as unknown[]).slice(1);
    if (values.some((value) => typeof value === 'object' && value !== null && 'sharedString' in value)) {
      throw new UnresolvedSharedStrings(`exceljs read row ${row.number} without the workbook's shared strings`);
    }
    yield { rowNumber: row.number, cells: values.map(cellValueOf) };
  }
  // The first worksheet is the data; the others are read through so the zip stream ends cleanly.
  for (let next = await worksheets.next(); next.done !== true; next = await worksheets.next()) {
    for await (const _row of next.value) void _row;
  }
}

/** exceljs hands out rich text, formulas and hyperlinks as objects: what the cell shows is the value imported. */
function cellValueOf(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const object = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join('');
    if ('result' in object) return cellValueOf(object.result);
    if (typeof object.text === 'string') return object.text;
    if ('error' in object) return null;
  }
  return String(value);
}

async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const parser = parseStream<string[], string[]>(input.pipe(decodeCsvText()), { ignoreEmpty: false, trim: false });
  let rowNumber = 0;
  for await (const row of parser as AsyncIterable<string[]>) {
    rowNumber += 1;
    yield { rowNumber, cells: row.map((cell) => (cell === '' ? null : cell)) };
  }
}

const sniffBytes = 64 * 1024;

/**
 * Bytes → UTF-8 text. The encoding is decided on the first 64 KB: a UTF-8 byte-order mark, or bytes that decode as
 * UTF-8, mean UTF-8; anything else is read as GB18030 (a superset of GBK and GB2312).
 */
function decodeCsvText(): Transform {
  let head: Buffer[] = [];
  let headLength = 0;
  let decoder: TextDecoder | undefined;
  const decide = (transform: Transform) => {
    let bytes = Buffer.concat(head);
    head = [];
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    decoder = new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'gb18030');
    transform.push(decoder.decode(bytes, { stream: true }));
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (decoder === undefined) {
        head.push(chunk);
        headLength += chunk.length;
        if (headLength >= sniffBytes) decide(this);
      } else {
        this.push(decoder.decode(chunk, { stream: true }));
      }
      done();
    },
    flush(done) {
      if (decoder === undefined) decide(this);
      this.push(decoder!.decode());
      done();
    },
  });
}

function isUtf8(bytes: Buffer): boolean {
  try {
    // stream: true, so a character cut at the end of the sample is not taken for bad UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
