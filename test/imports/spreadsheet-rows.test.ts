import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { spreadsheetRows, type SheetRow } from '../../api/imports/spreadsheet-rows.ts';

let workbook: Buffer;
/**
 * The same workbook with its shared strings renamed (`xl/sharedstrings.xml`, same length, so the zip stays valid):
 * exceljs then reads the worksheet without them, every text cell a `{ sharedString: n }` — what its streaming reader's
 * race (exceljs issue #683) produces now and then.
 */
let withoutSharedStrings: Buffer;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户');
  sheet.addRow([1, 2.5]);
  sheet.addRow(['杭州明远机械有限公司', '13812345678']);
  sheet.addRow(['上海华联贸易', '021-62345678']);
  workbook = Buffer.from(await book.xlsx.writeBuffer());
  const name = Buffer.from('xl/sharedStrings.xml');
  expect(workbook.includes(name)).toBe(true);
  withoutSharedStrings = Buffer.from(workbook);
  for (let at = withoutSharedStrings.indexOf(name); at !== -1; at = withoutSharedStrings.indexOf(name, at + 1)) {
    withoutSharedStrings.write('xl/sharedstrings.xml', at);
  }
});

async function rowsOf(open: () => Readable): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of spreadsheetRows('xlsx', open)) rows.push(row);
  return rows;
}

describe('reading an .xlsx', () => {
  it('reads the file again when a read came without its shared strings, handing on each row once', async () => {
    let opened = 0;
    const rows = await rowsOf(() => Readable.from([opened++ === 0 ? withoutSharedStrings : workbook]));
    expect(opened).toBe(2);
    expect(rows).toEqual([
      { rowNumber: 1, cells: [1, 2.5] },
      { rowNumber: 2, cells: ['杭州明远机械有限公司', '13812345678'] },
      { rowNumber: 3, cells: ['上海华联贸易', '021-62345678'] },
    ]);
    expect(await rowsOf(() => Readable.from([workbook]))).toEqual(rows);
  });

  it('gives up with a clear error when every read comes without them', async () => {
    let opened = 0;
    await expect(
      rowsOf(() => {
        opened++;
        return Readable.from([withoutSharedStrings]);
      }),
    ).rejects.toThrow(/shared strings/);
    expect(opened).toBe(5);
  });
});
