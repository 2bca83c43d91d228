import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { sessionChangesHeard } from '../support/session-changes-heard.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookies = { admin: '', exporter: '', rep: '' };
const password = 'export-test-password';

/** Sees only their own customers and the pool, phone numbers masked, call counts hidden; may export. */
const maskedExporter = {
  key: 'exporter_masked',
  labels: { en: 'Exporter (numbers masked)', 'zh-CN': '导出员（号码脱敏）' },
  visibility: 'own',
  mayExport: true,
  fieldPermissions: { customer: { phone: 'masked', callCount: 'hidden' }, lead: { phone: 'masked' } },
};

/** A customer created by the admin and handed to `owner` (the exporter's role may not write the phone it masks). */
async function createCustomer(name: string, phone: string, level: string, owner: string | 'pool') {
  const ownership = owner === 'pool' ? 'pool' : 'personal';
  const response = await api(app, 'POST', '/api/customers', { cookie: cookies.admin, body: { name, phone, ownership, customFields: { level } } });
  expect(response.status).toBe(201);
  if (owner === 'pool' || owner === 'admin') return;
  const ownerId = await userIdOf(app, owner);
  await app.schema.pool.query('update customer_owner set user_id = $1 where customer_id = $2', [ownerId, response.body.id]);
  await app.schema.pool.query('update customer set owner_id = $1 where id = $2', [ownerId, response.body.id]);
}

beforeAll(async () => {
  app = await startTestApp('exports_list');
  await installGenericTemplate(app);
  await app.schema.pool.query('insert into role (key, document) values ($1, $2)', [maskedExporter.key, JSON.stringify(maskedExporter)]);
  cookies.admin = await signIn(app, 'admin');
  const created = await api(app, 'POST', '/api/users', {
    cookie: cookies.admin,
    body: { login: 'exporter', displayName: 'exporter', password, role: maskedExporter.key, locale: 'en' },
  });
  expect(created.status).toBe(201);
  cookies.exporter = await signIn(app, 'exporter', password);
  cookies.rep = await signIn(app, 'rep.li');
  await createCustomer('甲公司', '13812345678', 'A', 'exporter');
  await createCustomer('乙公司', '13900001111', 'B', 'exporter');
  await createCustomer('丙公司', '13700002222', 'A', 'pool');
  // Someone else's: the exporter's role sees only their own and the pool, whatever the filter.
  await createCustomer('丁公司', '13600003333', 'A', 'admin');
});
afterAll(async () => {
  await app?.close();
});

async function download(cookie: string, list: string, query: Record<string, unknown>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  const response = await fetch(`${app.url}/api/${list}/export?${params}`, { headers: { cookie, origin: app.url, 'accept-language': 'en' } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The first sheet as rows of cell values, the header row first. */
async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const problemPaths = (bytes: Buffer) => (JSON.parse(bytes.toString('utf8')).errors as Array<{ path: string }>).map((error) => error.path);

describe('list export', () => {
  it('writes the filtered, sorted list with headers in the exporter’s language, masked and without hidden fields', async () => {
    const filter = { fact: 'custom.level', operator: 'equal', value: 'A' };
    const response = await download(cookies.exporter, 'customers', { filter, sort: 'name' });
    expect(response.status).toBe(200);
    expect(response.type).toContain('spreadsheetml');
    const [header, ...rows] = await sheetRows(response.bytes);
    expect(header).toContain('Phone');
    expect(header).toContain('customer level');
    expect(header).not.toContain('Calls made');
    const name = header!.indexOf('Name');
    const phone = header!.indexOf('Phone');
    // Level A only, in byte order of the names; 丁公司 is level A too, but not the exporter's to see.
    expect(rows.map((row) => row[name])).toEqual(['丙公司', '甲公司']);
    expect(rows.map((row) => row[phone])).toEqual(['137****2222', '138****5678']);
  });

  it('writes the columns asked for, in that order, and headers in Chinese for a Chinese-speaking exporter', async () => {
    await app.schema.pool.query(`update app_user set locale = 'zh-CN' where login = 'admin'`);
    await sessionChangesHeard(app);
    const response = await download(cookies.admin, 'customers', { columns: 'name,callCount,custom.level', sort: '-name' });
    expect(response.status).toBe(200);
    const [header, ...rows] = await sheetRows(response.bytes);
    expect(header).toEqual(['客户名称', '通话次数', '客户级别']);
    expect(rows.map((row) => row[0])).toEqual(['甲公司', '乙公司', '丙公司', '丁公司']);
    // A choice is written as its option's label in the exporter's language.
    expect(rows[0]![2]).toBe('A 重点客户');
  });

  it('refuses a hidden column with 403 and an unknown one with 400, naming the column', async () => {
    const hidden = await download(cookies.exporter, 'customers', { columns: 'name,callCount' });
    expect(hidden.status).toBe(403);
    expect(hidden.type).toContain('application/problem+json');
    expect(problemPaths(hidden.bytes)).toEqual(['/query/columns/1']);
    const unknown = await download(cookies.exporter, 'customers', { columns: 'shoeSize' });
    expect(unknown.status).toBe(400);
    expect(problemPaths(unknown.bytes)).toEqual(['/query/columns/0']);
    const guessing = await download(cookies.exporter, 'customers', { filter: { fact: 'phone', operator: 'includesText', value: '138' } });
    expect(guessing.status).toBe(403);
    expect(problemPaths(guessing.bytes)).toEqual(['/query/filter/operator']);
  });

  it('refuses a role without the export permission, and records nothing', async () => {
    const before = await app.schema.pool.query('select count(*)::int as n from list_export');
    const response = await download(cookies.rep, 'customers', {});
    expect(response.status).toBe(403);
    expect(response.type).toContain('application/problem+json');
    expect(JSON.parse(response.bytes.toString('utf8')).type).toMatch(/forbidden$/);
    const after = await app.schema.pool.query('select count(*)::int as n from list_export');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('audits who exported which query and how many rows', async () => {
    const filter = { fact: 'custom.level', operator: 'equal', value: 'B' };
    expect((await download(cookies.exporter, 'customers', { filter })).status).toBe(200);
    const exporterId = await userIdOf(app, 'exporter');
    const { rows } = await app.schema.pool.query(
      `select e.row_count, e.completed, e.query, a.action, a.actor_id::int as actor
       from list_export e join audit_entry a on a.entity = 'listExport' and a.record_id = e.id
       where e.actor_id = $1 order by e.id desc limit 1`,
      [exporterId],
    );
    expect(rows[0]).toMatchObject({ row_count: 1, completed: true, action: 'export', actor: exporterId });
    expect(JSON.parse(rows[0].query.filter)).toEqual(filter);
  });

  it('exports leads through the same machinery', async () => {
    for (const [name, phone] of [['线索一', '13511112222'], ['线索二', '13533334444']]) {
      expect((await api(app, 'POST', '/api/leads', { cookie: cookies.admin, body: { name, phone, source: 'coldCall' } })).status).toBe(201);
    }
    const admin = await download(cookies.admin, 'leads', { columns: 'name,phone', sort: 'name' });
    expect(admin.status).toBe(200);
    const [, ...rows] = await sheetRows(admin.bytes);
    expect(rows).toEqual([
      ['线索一', '13511112222'],
      ['线索二', '13533334444'],
    ]);
  });

  it('exports opportunities, orders and tickets through the same machinery, rows of visible customers only', async () => {
    const { rows } = await app.schema.pool.query(`select id::int as id, name from customer where name in ('甲公司', '丁公司') order by name`);
    for (const customer of rows as Array<{ id: number; name: string }>) {
      const created = await api(app, 'POST', `/api/customers/${customer.id}/opportunities`, { cookie: cookies.admin, body: { name: `${customer.name}的商机` } });
      expect(created.status).toBe(201);
    }
    // The exporter sees 甲公司 (theirs), not 丁公司 (the admin's).
    const mine = await download(cookies.exporter, 'opportunities', { columns: 'name,customerId' });
    expect(mine.status).toBe(200);
    const [header, ...opportunities] = await sheetRows(mine.bytes);
    expect(header).toEqual(['name', 'Customer ID']);
    expect(opportunities.map((row) => row[0])).toEqual(['甲公司的商机']);
    for (const list of ['orders', 'tickets']) {
      const sheet = await download(cookies.admin, list, { sort: 'status' });
      expect(sheet.status).toBe(200);
      expect((await sheetRows(sheet.bytes))[0]).toContain('编号');
    }
  });
});
