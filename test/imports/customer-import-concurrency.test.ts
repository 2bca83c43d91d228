import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNextImport, runCustomerImport } from '../../api/imports/run-customer-import.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { importOf, upload, xlsxOf, xlsxType } from './import-fixtures.ts';

let app: TestApp;
let manager = '';
let admin = '';
const perFile = 3_000;
const overlap = 1_500;
const choices = {
  mapping: [
    { header: '客户名称', target: 'name' },
    { header: '电话', target: 'phone' },
  ],
  owner: { kind: 'self' },
  dedupe: { by: ['name', 'phone'], policy: 'skip' },
};
const rowOf = (n: number) => [`并发客户${n}`, `134${String(n).padStart(8, '0')}`];

beforeAll(async () => {
  app = await startTestApp('customer_import_concurrency');
  await installGenericTemplate(app);
  manager = await signIn(app, 'manager.wang');
  admin = await signIn(app, 'admin');
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('imports running at the same time', () => {
  it('let the first entered win for every customer two files and single creates share', async () => {
    // File A has customers 0–2999, file B 1500–4499: 1,500 in both.
    const a = await upload(app, manager, await xlsxOf(['客户名称', '电话'], Array.from({ length: perFile }, (_, i) => rowOf(i))), 'a.xlsx', xlsxType);
    const b = await upload(app, admin, await xlsxOf(['客户名称', '电话'], Array.from({ length: perFile }, (_, i) => rowOf(i + perFile - overlap))), 'b.xlsx', xlsxType);
    expect((await api(app, 'POST', `/api/imports/${a.body.id}/start`, { cookie: manager, body: choices })).status).toBe(202);
    expect((await api(app, 'POST', `/api/imports/${b.body.id}/start`, { cookie: admin, body: choices })).status).toBe(202);

    const workers = [await claimNextImport(app.orm), await claimNextImport(app.orm)];
    expect(workers.sort()).toEqual([a.body.id, b.body.id].sort());
    expect(await claimNextImport(app.orm)).toBeUndefined();
    // Both imports and twenty single creates of shared customers race each other.
    const singles = Array.from({ length: 20 }, (_, i) => {
      const [name, phone] = rowOf(perFile - overlap + i * 50);
      return api(app, 'POST', '/api/customers', { cookie: manager, body: { name, phone } });
    });
    const answers = await Promise.all([...workers.map((id) => runCustomerImport(app.orm, id!)), ...singles]);

    const singleStatuses = answers.slice(2).map((answer) => (answer as { status: number }).status);
    expect(singleStatuses.every((status) => status === 201 || status === 409)).toBe(true);
    const singlesCreated = singleStatuses.filter((status) => status === 201).length;
    const [doneA, doneB] = [await importOf(app, manager, a.body.id), await importOf(app, admin, b.body.id)];
    expect([doneA.status, doneB.status]).toEqual(['finished', 'finished']);
    const unique = 2 * perFile - overlap;
    expect(doneA.counts.created + doneB.counts.created + singlesCreated).toBe(unique);
    expect(doneA.counts.skipped + doneB.counts.skipped).toBe(2 * perFile - doneA.counts.created - doneB.counts.created);
    const { rows } = await app.schema.pool.query("select count(*)::int as n, count(distinct name_key)::int as names from customer where name like '并发客户%'");
    expect(rows[0]).toEqual({ n: unique, names: unique });
  }, 120_000);
});
