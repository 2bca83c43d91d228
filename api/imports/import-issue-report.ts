import type { Writable } from 'node:stream';
import { format as csvFormat } from '@fast-csv/format';
import ExcelJS from 'exceljs';
import type { Locale } from '../../engine/validation/problem.ts';
import type { ImportIssueRow } from './customer-imports.queries.ts';

const headings: Record<Locale, string[]> = {
  en: ['Row', 'Outcome', 'Column', 'Value', 'Reason'],
  'zh-CN': ['行号', '结果', '列', '值', '原因'],
};
const outcomes: Record<Locale, Record<ImportIssueRow['outcome'], string>> = {
  en: { rejected: 'rejected', skipped: 'skipped' },
  'zh-CN': { rejected: '未导入', skipped: '已跳过' },
};

function cellsOf(issue: ImportIssueRow, locale: Locale): Array<string | number> {
  return [issue.row_number, outcomes[locale][issue.outcome], issue.column_header ?? '', issue.value ?? '', issue.reason[locale]];
}

/**
 * Writes the error report — row, outcome, column, value, reason in the reader's language — to `out` as it reads
 * the issues: .xlsx through exceljs's streaming writer, .csv as UTF-8 with a byte-order mark (so Excel opens the
 * Chinese text correctly).
 */
export async function writeIssueReport(issues: AsyncIterable<ImportIssueRow>, format: 'xlsx' | 'csv', locale: Locale, out: Writable): Promise<void> {
  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet(locale === 'en' ? 'Import issues' : '导入问题');
    sheet.addRow(headings[locale]).commit();
    for await (const issue of issues) sheet.addRow(cellsOf(issue, locale)).commit();
    sheet.commit();
    await workbook.commit();
    return;
  }
  const csv = csvFormat({ writeBOM: true });
  csv.pipe(out);
  const write = (cells: Array<string | number>) =>
    new Promise<void>((resolve) => {
      if (csv.write(cells)) resolve();
      else csv.once('drain', resolve);
    });
  await write(headings[locale]);
  for await (const issue of issues) await write(cellsOf(issue, locale));
  await new Promise<void>((resolve) => {
    out.once('finish', resolve);
    csv.end();
  });
}
