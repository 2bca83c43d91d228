import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemClock } from '../../adapters/clock/system-clock.ts';
import { createJobQueue } from '../../adapters/job-queue/create-job-queue.ts';
import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import { processCustomerImports } from '../../api/imports/customer-import-worker.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { importOf, upload, xlsxOf, xlsxType } from './import-fixtures.ts';

let app: TestApp;
let jobQueue: JobQueue;

beforeAll(async () => {
  app = await startTestApp('customer_import_worker');
  await installGenericTemplate(app);
  // The embedded default's in-process queue, as startBackgroundRuntime starts it for a worker process.
  jobQueue = await createJobQueue({ clock: createSystemClock() });
  await processCustomerImports({ orm: app.orm, jobQueue, logger: createLogger('warn', () => {}) });
}, 60_000);
afterAll(async () => {
  await jobQueue?.close();
  await app?.close();
});

describe('the import worker', () => {
  it('finds a queued import on its schedule and runs it to the end', async () => {
    const manager = await signIn(app, 'manager.wang');
    const { body } = await upload(app, manager, await xlsxOf(['客户名称', '电话'], [['排程导入公司', '13300000001']]), 'one.xlsx', xlsxType);
    const started = await api(app, 'POST', `/api/imports/${body.id}/start`, {
      cookie: manager,
      body: { mapping: [{ header: '客户名称', target: 'name' }, { header: '电话', target: 'phone' }], owner: { kind: 'self' }, dedupe: { by: ['name'], policy: 'skip' } },
    });
    expect(started.status).toBe(202);
    let current = await importOf(app, manager, body.id);
    while (current.status === 'queued' || current.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await importOf(app, manager, body.id);
    }
    expect(current).toMatchObject({ status: 'finished', counts: { created: 1, updated: 0, skipped: 0, rejected: 0 } });
  }, 30_000);
});
