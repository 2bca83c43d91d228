import { it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp } from '../support/test-app.ts';
import { importOf, runQueuedImports, upload, xlsxOf, xlsxType } from './import-fixtures.ts';
it('dbg', async () => {
  const app = await startTestApp('import_dbg');
  await installGenericTemplate(app);
  const manager = await signIn(app, 'manager.wang');
  const file = await xlsxOf(['客户名称', '电话'], Array.from({ length: 3000 }, (_, i) => [`c${i}`, `138${String(i).padStart(8, '0')}`]));
  const r = await upload(app, manager, file, 'a.xlsx', xlsxType);
  const q = await api(app, 'POST', `/api/imports/${r.body.id}/start`, { cookie: manager, body: { mapping: [{ header: '客户名称', target: 'name' }, { header: '电话', target: 'phone' }], owner: { kind: 'self' }, dedupe: { by: ['name'], policy: 'skip' } } });
  console.log(q.status, JSON.stringify(q.body).slice(0, 300));
  const t = performance.now();
  await runQueuedImports(app);
  console.log('ms', performance.now() - t, process.memoryUsage().rss / 1e6);
  console.log(JSON.stringify(await importOf(app, manager, r.body.id)).slice(0, 600));
  await app.close();
}, 120000);
