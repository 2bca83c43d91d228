import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { csvOf, importOf, runQueuedImports, upload, xlsxType } from './import-fixtures.ts';

const run = promisify(execFile);
let app: TestApp;
let manager = '';
let folder = '';
let xlsx: Buffer;

const headers = ['客户名称', '电话', '关键词', '下次跟进', '客户级别', '备注'];
const rows = [
  ['杭州明远机械有限公司', '13812345678', '机床，出口', '2026-12-01', 'A 重点客户', '展会名单'],
  ['上海华联贸易', '021-62345678', '', '2026-12-15', 'B 普通客户', ''],
  ['宁波港湾物流', '+86 139 0000 1111', '物流', '', '', '老客户介绍'],
];

/** LibreOffice Calc, as `npm run test:deps` installs it; without it this fixture cannot be made. */
async function libreOffice(): Promise<string> {
  for (const command of ['soffice', 'libreoffice']) {
    try {
      await run('which', [command]);
      return command;
    } catch {
      // try the next name
    }
  }
  throw new Error('No LibreOffice (soffice): run `npm run test:deps` to install Debian\'s libreoffice-calc-nogui package.');
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'stagecraft-libreoffice-'));
  const csv = path.join(folder, '客户名单.csv');
  await writeFile(csv, csvOf(headers, rows));
  // 44 = comma, 34 = double quote, 76 = UTF-8: the CSV filter's options. A profile of its own, so parallel runs never share one.
  await run(await libreOffice(), [
    `-env:UserInstallation=file://${path.join(folder, 'profile')}`,
    '--headless',
    '--convert-to',
    'xlsx',
    '--infilter=CSV:44,34,76,1',
    '--outdir',
    folder,
    csv,
  ]);
  xlsx = await readFile(path.join(folder, '客户名单.xlsx'));
  app = await startTestApp('libreoffice_import');
  await installGenericTemplate(app);
  manager = await signIn(app, 'manager.wang');
}, 120_000);
afterAll(async () => {
  await app?.close();
  if (folder !== '') await rm(folder, { recursive: true, force: true });
});

describe('a spreadsheet written by LibreOffice Calc', () => {
  it('imports as written: numbers as phones, date cells as dates, option labels as options', async () => {
    const uploaded = await upload(app, manager, xlsx, '客户名单.xlsx', xlsxType);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ headers, rowsTotal: 3 });
    const started = await api(app, 'POST', `/api/imports/${uploaded.body.id}/start`, {
      cookie: manager,
      body: { mapping: uploaded.body.suggestedMapping, owner: { kind: 'pool' }, dedupe: { by: ['name', 'phone'], policy: 'skip' } },
    });
    expect(started.status).toBe(202);
    await runQueuedImports(app);
    expect(await importOf(app, manager, uploaded.body.id)).toMatchObject({ status: 'finished', counts: { created: 3, updated: 0, skipped: 0, rejected: 0 } });

    const { rows: customers } = await app.schema.pool.query(
      `select name, phone, phone_normalized, keywords, ownership, next_follow_up_at, custom_fields->>'level' as level, custom_fields->>'remarks' as remarks
       from customer order by id`,
    );
    expect(customers).toEqual([
      {
        name: '杭州明远机械有限公司',
        phone: '13812345678',
        phone_normalized: '13812345678',
        keywords: ['机床', '出口'],
        ownership: 'pool',
        next_follow_up_at: new Date('2026-11-30T16:00:00Z'),
        level: 'A',
        remarks: '展会名单',
      },
      {
        name: '上海华联贸易',
        phone: '021-62345678',
        phone_normalized: expect.any(String),
        keywords: [],
        ownership: 'pool',
        next_follow_up_at: new Date('2026-12-14T16:00:00Z'),
        level: 'B',
        remarks: null,
      },
      {
        name: '宁波港湾物流',
        phone: '+86 139 0000 1111',
        phone_normalized: '13900001111',
        keywords: ['物流'],
        ownership: 'pool',
        next_follow_up_at: null,
        level: null,
        remarks: '老客户介绍',
      },
    ]);
  });
});
