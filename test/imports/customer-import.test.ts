import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { importOf, runQueuedImports, upload, xlsxOf, xlsxType, type SheetCell } from './import-fixtures.ts';

let app: TestApp;
let manager = '';
let managerId = 0;

const headers = ['客户名称', '电话', '关键词', '下次跟进', '客户级别', '备注'];
const existingCount = 50;
const fileRows = 10_000;

/**
 * 10,000 rows with planted trouble, every hundred rows alike: row m=0 repeats an existing customer's name (each
 * existing name twice, so once against the database and once within the file), m=50 repeats the phone of the row
 * before it, m=33 has a bad phone, m=66 a date that does not exist, m=77 both. Every other row is new.
 */
function plantedRow(i: number): SheetCell[] {
  const m = i % 100;
  const phone = (n: number) => `138${String(n).padStart(8, '0')}`;
  const row: SheetCell[] = [`导入客户${i}`, phone(i), `词${i}，批量`, '2026-12-01', 'B 普通客户', `第 ${i} 行`];
  if (m === 0) row[0] = `既有客户${(i / 100) % existingCount}`;
  if (m === 50) row[1] = phone(i - 1);
  if (m === 33) row[1] = '12345';
  if (m === 66) row[3] = '2026-02-30';
  if (m === 77) [row[1], row[3]] = ['电话待补', '明天'];
  return row;
}
const expected = { created: 9_500, updated: 0, skipped: 200, rejected: 300 };
const mapping = [
  { header: '客户名称', target: 'name' },
  { header: '电话', target: 'phone' },
  { header: '关键词', target: 'keywords' },
  { header: '下次跟进', target: 'nextFollowUpAt' },
  { header: '客户级别', target: 'custom.level' },
  { header: '备注', target: 'custom.remarks' },
];
const choices = { mapping, owner: { kind: 'self' }, dedupe: { by: ['name', 'phone'], policy: 'skip' } };

async function customerCount(): Promise<number> {
  const { rows } = await app.schema.pool.query('select count(*)::int as n from customer where deleted_at is null');
  return rows[0].n;
}

beforeAll(async () => {
  app = await startTestApp('customer_import');
  await installGenericTemplate(app);
  manager = await signIn(app, 'manager.wang');
  managerId = await userIdOf(app, 'manager.wang');
  for (let k = 0; k < existingCount; k++) {
    const created = await api(app, 'POST', '/api/customers', { cookie: manager, body: { name: `既有客户${k}`, phone: `137${String(k).padStart(8, '0')}` } });
    expect(created.status).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('customer import of a 10,000-row spreadsheet', () => {
  let importId = 0;

  it('reads the Chinese header row and suggests where each column goes', async () => {
    const file = await xlsxOf(headers, Array.from({ length: fileRows }, (_, index) => plantedRow(index + 1)));
    const uploaded = await upload(app, manager, file, '客户名单.xlsx', xlsxType);
    expect(uploaded.status).toBe(201);
    importId = uploaded.body.id;
    expect(uploaded.body).toMatchObject({ status: 'uploaded', format: 'xlsx', rowsTotal: fileRows, headers, mode: null });
    expect(uploaded.body.suggestedMapping).toEqual(mapping);
    expect(uploaded.body.sampleRows[0]).toEqual(['导入客户1', '13800000001', '词1，批量', '2026-12-01', 'B 普通客户', '第 1 行']);
  }, 60_000);

  it('predicts the outcome in a dry run that writes no customer', async () => {
    const before = await customerCount();
    const queued = await api(app, 'POST', `/api/imports/${importId}/dry-run`, { cookie: manager, body: choices });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', mode: 'dryRun' });
    await runQueuedImports(app);
    const done = await importOf(app, manager, importId);
    expect(done).toMatchObject({ status: 'finished', mode: 'dryRun', rowsDone: fileRows, counts: expected });
    expect(await customerCount()).toBe(before);
  }, 120_000);

  it('imports the good rows, skips the duplicates and rejects the bad rows, with exact counts', async () => {
    const before = await customerCount();
    const queued = await api(app, 'POST', `/api/imports/${importId}/start`, { cookie: manager, body: choices });
    expect(queued.status).toBe(202);
    await runQueuedImports(app);
    const done = await importOf(app, manager, importId);
    expect(done).toMatchObject({ status: 'finished', mode: 'import', rowsTotal: fileRows, rowsDone: fileRows, counts: expected });
    expect(await customerCount()).toBe(before + expected.created);

    const { rows } = await app.schema.pool.query(
      `select c.name, c.phone, c.keywords, c.stage, c.ownership, c.owner_id, c.custom_fields, c.next_follow_up_at,
              (select count(*)::int from customer_owner o where o.customer_id = c.id) as owners,
              (select count(*)::int from ownership_event e where e.customer_id = c.id) as events,
              (select count(*)::int from audit_entry a where a.customer_id = c.id and a.action = 'create') as audits
       from customer c where c.name = '导入客户1'`,
    );
    expect(rows[0]).toMatchObject({
      phone: '13800000001',
      keywords: ['词1', '批量'],
      stage: 'reserve',
      ownership: 'personal',
      owner_id: String(managerId),
      custom_fields: { level: 'B', remarks: '第 1 行', customerNumber: expect.stringMatching(/^C\d{6}$/) },
      owners: 1,
      events: 1,
      audits: 1,
    });
    // Midnight of 1 December in the manager's zone (the demo users work in Asia/Shanghai).
    expect(rows[0].next_follow_up_at.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    const numbers = await app.schema.pool.query("select count(distinct custom_fields->>'customerNumber')::int as n from customer");
    expect(numbers.rows[0].n).toBe(await customerCount());
    // Every Chinese text arrives whole, wherever the file's compressed chunks happened to split it.
    const intact = await app.schema.pool.query("select count(*)::int as n from customer where name ~ '^导入客户[0-9]+$' and custom_fields->>'remarks' ~ '^第 [0-9]+ 行$'");
    expect(intact.rows[0].n).toBe(expected.created);
    // The existing customers stay as they were: first entered wins.
    const existing = await app.schema.pool.query("select count(*)::int as n from customer where name like '既有客户%'");
    expect(existing.rows[0].n).toBe(existingCount);
    const chunks = await app.schema.pool.query('select count(*)::int as n from customer_import_chunk where import_id = $1', [importId]);
    expect(chunks.rows[0].n).toBe(0);
  }, 120_000);

  it('lists every rejected and skipped row in the error report: row, column, value, reason', async () => {
    const json = await api(app, 'GET', `/api/imports/${importId}/errors?format=json`, { cookie: manager, headers: { 'accept-language': 'en' } });
    expect(json.status).toBe(200);
    const issues = json.body.items as Array<{ row: number; outcome: string; column: string; value: string | null; reason: { en: string } }>;
    expect(new Set(issues.filter((issue) => issue.outcome === 'rejected').map((issue) => issue.row)).size).toBe(expected.rejected);
    expect(issues.filter((issue) => issue.outcome === 'skipped')).toHaveLength(expected.skipped);
    // Data row i is spreadsheet row i + 1 (the header is row 1).
    expect(issues.filter((issue) => issue.row === 34)).toEqual([
      expect.objectContaining({ outcome: 'rejected', column: '电话', value: '12345', reason: expect.objectContaining({ en: expect.stringContaining('not a phone number') }) }),
    ]);
    expect(issues.filter((issue) => issue.row === 67)).toEqual([
      expect.objectContaining({ outcome: 'rejected', column: '下次跟进', value: '2026-02-30', reason: expect.objectContaining({ en: expect.stringContaining('not a date') }) }),
    ]);
    expect(issues.filter((issue) => issue.row === 78).map((issue) => issue.column)).toEqual(['电话', '下次跟进']);
    expect(issues.find((issue) => issue.row === 51)).toMatchObject({ outcome: 'skipped', column: '电话', reason: { en: 'Duplicate of row 50 of this file; the first entered wins.' } });
    expect(issues.find((issue) => issue.row === 101)).toMatchObject({ outcome: 'skipped', column: '客户名称', value: '既有客户1' });
    expect(issues.find((issue) => issue.row === 5101)?.reason.en).toMatch(/^Duplicate of row 101 of this file/);

    const csv = await fetch(`${app.url}/api/imports/${importId}/errors?format=csv`, { headers: { cookie: manager, 'accept-language': 'zh-CN' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    const records: string[][] = [];
    await new Promise<void>((resolve, reject) => {
      parseString(text.replace(/^\uFEFF/, '')).on('data', (row: string[]) => records.push(row)).on('end', () => resolve()).on('error', reject);
    });
    expect(records[0]).toEqual(['行号', '结果', '列', '值', '原因']);
    expect(records).toContainEqual(['34', '未导入', '电话', '12345', expect.stringContaining('不是有效的电话号码')]);
    expect(records.length - 1).toBe(issues.length);

    const xlsx = await fetch(`${app.url}/api/imports/${importId}/errors`, { headers: { cookie: manager, 'accept-language': 'en' } });
    expect(xlsx.headers.get('content-disposition')).toContain(`import-${importId}-errors.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Row', 'Outcome', 'Column', 'Value', 'Reason']);
    expect(sheet.rowCount - 1).toBe(issues.length);
  }, 60_000);

  it('imports a file only once', async () => {
    const again = await api(app, 'POST', `/api/imports/${importId}/start`, { cookie: manager, body: choices });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('https://stagecraft.dev/problems/import-state');
  });
});
