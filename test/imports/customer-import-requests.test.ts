import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxImportFileBytes } from '../../api/imports/customer-import-file.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { csvOf, importOf, runQueuedImports, upload, xlsxOf, xlsxType } from './import-fixtures.ts';

let app: TestApp;
const cookies = { admin: '', manager: '', rep: '', importingRep: '' };
const password = 'import-requests-test-password';
const paths = (body: { errors?: Array<{ path: string }> }) => (body.errors ?? []).map((error) => error.path);

/** A rep allowed to import, who may still only read customer levels (as the generic rep role says). */
const importingRep = {
  key: 'rep_importer',
  labels: { en: 'Rep who imports', 'zh-CN': '可导入的业务员' },
  visibility: 'own',
  mayImport: true,
  fieldPermissions: { customer: { level: 'read' } },
};

const nameAndPhone = [
  { header: '客户名称', target: 'name' },
  { header: '手机', target: 'phone' },
];
const choices = (overrides: Record<string, unknown> = {}) => ({
  mapping: nameAndPhone,
  owner: { kind: 'self' },
  dedupe: { by: ['phone'], policy: 'skip' },
  ...overrides,
});

async function uploaded(cookie: string, rows: Array<Array<string | null>>, headers = ['客户名称', '手机', '客户级别']): Promise<number> {
  const response = await upload(app, cookie, await xlsxOf(headers, rows), 'list.xlsx', xlsxType);
  expect(response.status).toBe(201);
  return response.body.id;
}

async function importState(id: number) {
  const { rows } = await app.schema.pool.query('select status, mode, settings, (select count(*)::int from customer_import_issue where import_id = $1) as issues from customer_import where id = $1', [id]);
  return rows[0];
}

beforeAll(async () => {
  app = await startTestApp('customer_import_requests');
  await installGenericTemplate(app);
  await app.schema.pool.query('insert into role (key, document) values ($1, $2)', [importingRep.key, JSON.stringify(importingRep)]);
  cookies.admin = await signIn(app, 'admin');
  const created = await api(app, 'POST', '/api/users', {
    cookie: cookies.admin,
    body: { login: 'rep.importer', displayName: 'rep.importer', password, role: importingRep.key },
  });
  expect(created.status).toBe(201);
  cookies.manager = await signIn(app, 'manager.wang');
  cookies.rep = await signIn(app, 'rep.li');
  cookies.importingRep = await signIn(app, 'rep.importer', password);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('customer import requests', () => {
  it('refuses roles without the import right', async () => {
    const response = await upload(app, cookies.rep, await xlsxOf(['客户名称'], [['x']]), 'x.xlsx', xlsxType);
    expect(response.status).toBe(403);
    expect((await api(app, 'GET', '/api/import-mappings', { cookie: cookies.rep })).status).toBe(403);
  });

  it('refuses a file that is not a spreadsheet, one it cannot read, and one over the size limit', async () => {
    const png = await upload(app, cookies.manager, Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'logo.png', 'image/png');
    expect(png.status).toBe(415);
    expect(png.body.type).toBe('https://stagecraft.dev/problems/unsupported-file-type');
    const fake = await upload(app, cookies.manager, 'not a zip', 'list.xlsx', xlsxType);
    expect(fake.status).toBe(400);
    expect(paths(fake.body)).toEqual(['/file']);
    const empty = await upload(app, cookies.manager, '', 'empty.csv', 'text/csv');
    expect(empty.status).toBe(400);
    expect(paths(empty.body)).toEqual(['/file']);
    const huge = await upload(app, cookies.manager, Buffer.alloc(maxImportFileBytes + 1, 0x41), 'huge.csv', 'text/csv');
    expect(huge.status).toBe(413);
    expect(huge.body.type).toBe('https://stagecraft.dev/problems/file-too-large');
    const { rows } = await app.schema.pool.query('select count(*)::int as n from customer_import');
    expect(rows[0].n).toBe(0);
  });

  it('names every bad choice by its path and changes nothing', async () => {
    const id = await uploaded(cookies.manager, [['甲公司', '13900000001', 'A']]);
    const bad = await api(app, 'POST', `/api/imports/${id}/start`, {
      cookie: cookies.manager,
      body: choices({
        mapping: [
          { header: '客户名称', target: 'keywords' },
          { header: '传真', target: 'phone' },
          { header: '手机', target: 'custom.nothing' },
          { header: '客户级别', target: 'keywords' },
        ],
        stage: 'nowhere',
        owner: { kind: 'user' },
      }),
    });
    expect(bad.status).toBe(400);
    expect(paths(bad.body).sort()).toEqual(['/mapping', '/mapping/1/header', '/mapping/2/target', '/mapping/3/target', '/owner/userId', '/stage']);
    const schema = await api(app, 'POST', `/api/imports/${id}/dry-run`, { cookie: cookies.manager, body: choices({ dedupe: { by: [], policy: 'merge' } }) });
    expect(schema.status).toBe(400);
    expect(paths(schema.body).sort()).toEqual(['/dedupe/by', '/dedupe/policy']);
    expect(await importState(id)).toEqual({ status: 'uploaded', mode: null, settings: null, issues: 0 });
  });

  it('lets an importer give customers to someone else only with the reassign right, and only to people they may', async () => {
    const id = await uploaded(cookies.importingRep, [['乙公司', '13900000002', 'B']]);
    const managerId = await userIdOf(app, 'manager.wang');
    const forSomeone = await api(app, 'POST', `/api/imports/${id}/start`, { cookie: cookies.importingRep, body: choices({ owner: { kind: 'user', userId: managerId } }) });
    expect(forSomeone.status).toBe(403);
    const levels = await api(app, 'POST', `/api/imports/${id}/start`, {
      cookie: cookies.importingRep,
      body: choices({ mapping: [...nameAndPhone, { header: '客户级别', target: 'custom.level' }] }),
    });
    expect(levels.status).toBe(403);
    expect(paths(levels.body)).toEqual(['/mapping/2/target']);
    expect(await importState(id)).toEqual({ status: 'uploaded', mode: null, settings: null, issues: 0 });
    // Someone else's import is not there for them.
    expect((await api(app, 'GET', `/api/imports/${id}`, { cookie: cookies.manager })).status).toBe(404);
    expect((await api(app, 'GET', `/api/imports/${id}`, { cookie: cookies.admin })).status).toBe(200);

    const managerFile = await uploaded(cookies.manager, [['丙公司', '13900000003', 'C']]);
    const admin = await userIdOf(app, 'admin');
    const outsider = await api(app, 'POST', `/api/imports/${managerFile}/start`, { cookie: cookies.manager, body: choices({ owner: { kind: 'user', userId: admin } }) });
    expect(outsider.status).toBe(400);
    expect(paths(outsider.body)).toEqual(['/owner/userId']);
    const li = await userIdOf(app, 'rep.li');
    const toLi = await api(app, 'POST', `/api/imports/${managerFile}/start`, { cookie: cookies.manager, body: choices({ owner: { kind: 'user', userId: li } }) });
    expect(toLi.status).toBe(202);
    await runQueuedImports(app);
    const { rows } = await app.schema.pool.query("select ownership, owner_id from customer where name = '丙公司'");
    expect(rows).toEqual([{ ownership: 'personal', owner_id: String(li) }]);
  });

  it('updates existing customers by phone, keeping what the file leaves empty and adding keywords', async () => {
    const existing = await api(app, 'POST', '/api/customers', {
      cookie: cookies.manager,
      body: { name: '丁公司', phone: '139 0000 0004', keywords: ['老客户'], customFields: { remarks: '原备注', level: 'B' } },
    });
    expect(existing.status).toBe(201);
    const id = await uploaded(cookies.manager, [['丁公司（新名）', '+86 139-0000-0004', 'A', '新词'], ['戊公司', '13900000005', null, null]], ['客户名称', '手机', '客户级别', '关键词']);
    const mapping = [...nameAndPhone, { header: '客户级别', target: 'custom.level' }, { header: '关键词', target: 'keywords' }];
    const started = await api(app, 'POST', `/api/imports/${id}/start`, { cookie: cookies.manager, body: choices({ mapping, dedupe: { by: ['phone'], policy: 'update' } }) });
    expect(started.status).toBe(202);
    await runQueuedImports(app);
    expect(await importOf(app, cookies.manager, id)).toMatchObject({ status: 'finished', counts: { created: 1, updated: 1, skipped: 0, rejected: 0 } });
    const { rows } = await app.schema.pool.query('select name, keywords, custom_fields, version from customer where id = $1', [existing.body.id]);
    expect(rows[0]).toEqual({ name: '丁公司', keywords: ['老客户', '新词'], custom_fields: expect.objectContaining({ remarks: '原备注', level: 'A' }), version: 2 });
    const audit = await app.schema.pool.query("select before, after, why from audit_entry where record_id = $1 and action = 'update'", [existing.body.id]);
    expect(audit.rows[0].why).toMatchObject({ kind: 'reason', code: 'import', source: `import:${id}` });
  });

  it('reads a CSV saved in GB18030 as Excel does on Chinese Windows, and one in UTF-8 with a byte-order mark', async () => {
    // "客户名称,手机,备注 / 己公司,13900000006,华东区" as GB18030 bytes.
    const gb18030 = Buffer.from('bfcdbba7c3fbb3c62ccad6bbfa2cb1b8d7a20d0abcbab9abcbbe2c31333930303030303030362cbbaab6abc7f80d0a', 'hex');
    const utf8WithBom = `\uFEFF${csvOf(['客户名称', '手机', '备注'], [['己公司', '13900000006', '华东区']])}`;
    for (const [file, contentType] of [
      [gb18030, 'application/vnd.ms-excel'],
      [utf8WithBom, 'text/csv'],
    ] as const) {
      const response = await upload(app, cookies.manager, file, '名单.csv', contentType);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ format: 'csv', rowsTotal: 1, headers: ['客户名称', '手机', '备注'] });
      expect(response.body.sampleRows).toEqual([['己公司', '13900000006', '华东区']]);
    }
  });

  it('keeps mapping templates for their owner and shares the shared ones', async () => {
    const mine = await api(app, 'POST', '/api/import-mappings', { cookie: cookies.manager, body: { name: '展会名单', columns: nameAndPhone } });
    expect(mine.status).toBe(201);
    const shared = await api(app, 'POST', '/api/import-mappings', { cookie: cookies.admin, body: { name: '黄页', shared: true, columns: nameAndPhone } });
    expect(shared.status).toBe(201);
    expect((await api(app, 'POST', '/api/import-mappings', { cookie: cookies.manager, body: { name: '', columns: [{ header: 'x' }] } })).status).toBe(400);
    const listed = await api(app, 'GET', '/api/import-mappings', { cookie: cookies.manager });
    expect(listed.body.items.map((item: { name: string; mine: boolean }) => [item.name, item.mine])).toEqual([
      ['展会名单', true],
      ['黄页', false],
    ]);
    const forRep = await api(app, 'GET', '/api/import-mappings', { cookie: cookies.importingRep });
    expect(forRep.body.items.map((item: { name: string }) => item.name)).toEqual(['黄页']);
  });
});
