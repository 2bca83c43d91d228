import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNextImport, importBatchRows, runCustomerImport } from '../../api/imports/run-customer-import.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { importOf, runQueuedImports, upload, xlsxOf, xlsxType } from './import-fixtures.ts';

let app: TestApp;
let manager = '';
let cancelledId = 0;
const rowCount = 30_000;
const choices = {
  mapping: [
    { header: '客户名称', target: 'name' },
    { header: '电话', target: 'phone' },
  ],
  owner: { kind: 'self' },
  dedupe: { by: ['name', 'phone'], policy: 'skip' },
};

beforeAll(async () => {
  app = await startTestApp('customer_import_cancel');
  await installGenericTemplate(app);
  manager = await signIn(app, 'manager.wang');
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('cancelling a customer import', () => {
  it('stops a queued import before it starts', async () => {
    const file = await xlsxOf(['客户名称', '电话'], [['排队公司', '13600000001']]);
    const { body } = await upload(app, manager, file, 'queued.xlsx', xlsxType);
    expect((await api(app, 'POST', `/api/imports/${body.id}/start`, { cookie: manager, body: choices })).status).toBe(202);
    const cancelled = await api(app, 'POST', `/api/imports/${body.id}/cancel`, { cookie: manager });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', rowsDone: 0 });
    await runQueuedImports(app);
    expect(await importOf(app, manager, body.id)).toMatchObject({ status: 'cancelled', counts: { created: 0 } });
    expect((await api(app, 'POST', `/api/imports/${body.id}/cancel`, { cookie: manager })).status).toBe(409);
  });

  it('stops a running import between batches, leaving whole batches and no half-written customer', async () => {
    const rows = Array.from({ length: rowCount }, (_, i) => [`取消测试${i}`, `135${String(i).padStart(8, '0')}`]);
    const { body } = await upload(app, manager, await xlsxOf(['客户名称', '电话'], rows), 'big.xlsx', xlsxType);
    expect((await api(app, 'POST', `/api/imports/${body.id}/start`, { cookie: manager, body: choices })).status).toBe(202);
    const running = runQueuedImports(app);
    // Cancel as soon as the first batch has committed.
    let progress = await importOf(app, manager, body.id);
    while (progress.rowsDone === 0) progress = await importOf(app, manager, body.id);
    const cancelling = await api(app, 'POST', `/api/imports/${body.id}/cancel`, { cookie: manager });
    expect(cancelling.status).toBe(200);
    await running;

    const done = await importOf(app, manager, body.id);
    expect(done.status).toBe('cancelled');
    expect(done.rowsDone).toBeLessThan(rowCount);
    expect(done.rowsDone % importBatchRows).toBe(0);
    expect(done.counts).toEqual({ created: done.rowsDone, updated: 0, skipped: 0, rejected: 0 });
    const managerId = await userIdOf(app, 'manager.wang');
    const { rows: written } = await app.schema.pool.query(
      `select count(*)::int as customers,
              count(*) filter (where exists (select 1 from customer_owner o where o.customer_id = c.id and o.user_id = $1))::int as owned,
              count(*) filter (where exists (select 1 from ownership_event e where e.customer_id = c.id))::int as with_history,
              count(*) filter (where exists (select 1 from audit_entry a where a.customer_id = c.id and a.action = 'create'))::int as audited
       from customer c where c.name like '取消测试%'`,
      [managerId],
    );
    expect(written[0]).toEqual({ customers: done.rowsDone, owned: done.rowsDone, with_history: done.rowsDone, audited: done.rowsDone });
    cancelledId = body.id;
  }, 120_000);

  it('lets another worker take over an import whose worker stopped beating, resuming after the last committed batch', async () => {
    // As a worker that died after some batches would leave it: running, its heartbeat long past.
    const { rows: before } = await app.schema.pool.query('select rows_done from customer_import where id = $1', [cancelledId]);
    await app.schema.pool.query(
      "update customer_import set status = 'running', cancel_requested = false, finished_at = null, heartbeat_at = now() - interval '1 hour' where id = $1",
      [cancelledId],
    );
    expect(await claimNextImport(app.orm)).toBe(cancelledId);
    await runCustomerImport(app.orm, cancelledId);
    const done = await importOf(app, manager, cancelledId);
    expect(done).toMatchObject({ status: 'finished', rowsDone: rowCount, counts: { created: rowCount, updated: 0, skipped: 0, rejected: 0 } });
    expect(before[0].rows_done).toBeGreaterThan(0);
    const { rows } = await app.schema.pool.query("select count(*)::int as n, count(distinct name)::int as names from customer where name like '取消测试%'");
    expect(rows[0]).toEqual({ n: rowCount, names: rowCount });
  }, 120_000);
});
