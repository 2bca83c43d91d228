import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { createApp } from '../../../api/http/create-app.ts';
import { claimNextImport, runCustomerImport } from '../../../api/imports/run-customer-import.ts';
import { createLogger } from '../../../api/observability/logger.ts';
import { signIn } from '../../support/people-fixtures.ts';
import { installGenericTemplate } from '../../support/records-fixtures.ts';
import type { TestApp } from '../../support/test-app.ts';
import { printBenchLine } from '../support/bench-line.ts';
import { generateCustomers } from '../support/generate-customers.ts';
import { httpBenchStage } from '../support/http-bench.ts';

/**
 * `npm run bench -- import`: a spreadsheet import through the real path — upload over HTTP, then the worker's run
 * with dedupe on (by name and phone, skip) — of 20,000 and of 100,000 rows, each in a fresh process so its peak
 * RSS is its own: the two `peakRssMb` side by side show how memory grows with the file, and `peakLiveHeapMb` (the
 * largest heap left after a full collection, sampled every second) what is really held, apart from how far V8 lets
 * its heap grow between collections. 2 % of the rows repeat an existing customer and 1 % an earlier row.
 */
const sizes = (process.env.STAGECRAFT_BENCH_IMPORT_ROWS ?? '20000,100000').split(',').map(Number);
const existingCount = 1_000;
const existingName = (k: number) => `既有压测客户${k}`;
const existingPhone = (k: number) => `157${String(k).padStart(8, '0')}`;
const [step, rowsArgument, fileArgument] = process.argv.slice(2);
const self = new URL(import.meta.url).pathname;

// The file is written by a process of its own, so the measuring process's peak RSS is the import's, not the writer's.
if (step === 'write') {
  await writeSheet(fileArgument!, Number(rowsArgument));
} else if (step === 'measure') {
  await measureImport(Number(rowsArgument), fileArgument!);
} else {
  const folder = await mkdtemp(path.join(tmpdir(), 'stagecraft-import-bench-'));
  try {
    for (const rows of sizes) {
      const file = path.join(folder, `customers-${rows}.xlsx`);
      for (const mode of ['write', 'measure']) {
        const child = spawnSync(process.execPath, ['--expose-gc', self, mode, String(rows), file], { stdio: 'inherit' });
        if (child.status !== 0) process.exit(child.status ?? 1);
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function writeSheet(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: true });
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(['客户名称', '电话', '关键词', '客户级别', '备注']).commit();
  for (let i = 1; i <= rows; i++) {
    let name = `导入压测客户${i}`;
    let phone = `158${String(i).padStart(8, '0')}`;
    if (i % 50 === 0) [name, phone] = [existingName((i / 50) % existingCount), existingPhone((i / 50) % existingCount)];
    else if (i % 100 === 1 && i > 1) phone = `158${String(i - 1).padStart(8, '0')}`;
    sheet.addRow([name, phone, `压测，批次${i % 7}`, 'B 普通客户', `第 ${i} 行`]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function measureImport(rows: number, file: string): Promise<void> {
  const stage = await httpBenchStage('import', 8);
  try {
    const url = await stage.listen(createApp({ orm: stage.orm, logger: createLogger('warn', () => {}) }));
    const app = { url, orm: stage.orm } as TestApp;
    await installGenericTemplate(app);
    const cookie = await signIn(app, 'manager.wang');
    const { rows: managers } = await stage.bare.query("select id::int as id from app_user where login = 'manager.wang'");
    await generateCustomers(stage.bare, { count: 5_000, ownerIds: [managers[0].id] });
    // The first thousand get the names and phones the file repeats.
    await stage.bare.query(
      `update customer c set name = '${existingName(0).slice(0, -1)}' || n.k, name_key = '${existingName(0).slice(0, -1)}' || n.k,
              phone = '157' || lpad(n.k::text, 8, '0'), phone_normalized = '157' || lpad(n.k::text, 8, '0')
       from (select id, (row_number() over (order by id)) - 1 as k from customer order by id limit $1) n where c.id = n.id`,
      [existingCount],
    );
    const rssBeforeMb = process.resourceUsage().maxRSS / 1024;

    const uploadStart = performance.now();
    const uploaded = await fetch(`${url}/api/imports?fileName=customers.xlsx`, {
      method: 'POST',
      headers: { cookie, origin: url, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${await uploaded.text()}`);
    const { id } = (await uploaded.json()) as { id: number };
    const uploadMs = performance.now() - uploadStart;

    const started = await fetch(`${url}/api/imports/${id}/start`, {
      method: 'POST',
      headers: { cookie, origin: url, 'content-type': 'application/json' },
      body: JSON.stringify({
        mapping: [
          { header: '客户名称', target: 'name' },
          { header: '电话', target: 'phone' },
          { header: '关键词', target: 'keywords' },
          { header: '客户级别', target: 'custom.level' },
          { header: '备注', target: 'custom.remarks' },
        ],
        owner: { kind: 'self' },
        dedupe: { by: ['name', 'phone'], policy: 'skip' },
      }),
    });
    if (started.status !== 202) throw new Error(`start answered ${started.status}: ${await started.text()}`);

    // Live memory, as against what the process holds: a full collection every second, the largest live heap kept.
    let peakLiveHeapMb = 0;
    const sampler = setInterval(() => {
      globalThis.gc?.();
      peakLiveHeapMb = Math.max(peakLiveHeapMb, process.memoryUsage().heapUsed / 1024 / 1024);
    }, 1_000);
    const importStart = performance.now();
    const claimed = await claimNextImport(stage.orm);
    if (claimed !== id) throw new Error(`claimed ${claimed}, expected ${id}`);
    await runCustomerImport(stage.orm, id);
    const importMs = performance.now() - importStart;
    clearInterval(sampler);

    const { rows: outcome } = await stage.bare.query(
      'select status, failure, rows_done, created_count, skipped_count, rejected_count from customer_import where id = $1',
      [id],
    );
    const result = outcome[0];
    if (result.status !== 'finished' || result.rows_done !== rows) throw new Error(`import ended ${result.status}: ${result.failure ?? ''}`);
    printBenchLine('import', {
      rows,
      fileMb: (await stat(file)).size / 1024 / 1024,
      rowsPerSec: rows / (importMs / 1000),
      importSec: importMs / 1000,
      uploadSec: uploadMs / 1000,
      created: result.created_count,
      skipped: result.skipped_count,
      rejected: result.rejected_count,
      rssBeforeUploadMb: rssBeforeMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      peakLiveHeapMb,
      goalRowsPerSec: 2_000,
    });
  } finally {
    await stage.close();
  }
}
