import { createApp } from '../../../api/http/create-app.ts';
import { createLogger } from '../../../api/observability/logger.ts';
import { signIn } from '../../support/people-fixtures.ts';
import { installGenericTemplate } from '../../support/records-fixtures.ts';
import type { TestApp } from '../../support/test-app.ts';
import { printBenchLine } from '../support/bench-line.ts';
import { generateCustomers } from '../support/generate-customers.ts';
import { httpBenchStage } from '../support/http-bench.ts';

/**
 * `GET /api/customers/export` of STAGECRAFT_BENCH_CUSTOMERS (default 100,000) generated customers as the admin, every
 * column, over HTTP into a client that counts the bytes and keeps none: rows per second and the process's peak
 * resident memory while the sheet streams (server and client share the process, so it bounds both). The same export
 * filtered to about a fifth of the rows runs first, beside it: a streamed export's memory should not grow with rows.
 */
const customerCount = Number(process.env.STAGECRAFT_BENCH_CUSTOMERS ?? 100_000);

const stage = await httpBenchStage('export', 8);
try {
  const url = await stage.listen(createApp({ orm: stage.orm, logger: createLogger('warn', () => {}) }));
  const app = { url, orm: stage.orm } as TestApp;
  await installGenericTemplate(app);
  await generateCustomers(stage.bare, { count: customerCount, ownerIds: [], poolShare: 1, contactRecordsPerCustomer: 0 });
  await stage.bare.query('analyze');
  const cookie = await signIn(app, 'admin');

  const exportOnce = async (label: string, query: Record<string, string>) => {
    globalThis.gc?.();
    const baselineRss = process.memoryUsage.rss();
    let peakRss = baselineRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 20);
    const started = performance.now();
    const response = await fetch(`${url}/api/customers/export?${new URLSearchParams(query)}`, { headers: { cookie, origin: url } });
    if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    let bytes = 0;
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.byteLength;
    const seconds = (performance.now() - started) / 1_000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const { rows: [recorded] } = await stage.bare.query('select row_count from list_export order by id desc limit 1');
    printBenchLine('export', {
      case: label,
      rows: recorded.row_count,
      rowsPerSec: recorded.row_count / seconds,
      seconds,
      fileMb: bytes / 1024 / 1024,
      peakRssMb: peakRss / 1024 / 1024,
      rssGrowthMb: (peakRss - baselineRss) / 1024 / 1024,
    });
  };

  // The generator gives about a quarter of the customers the target stage.
  await exportOnce('a quarter (stage = target)', { filter: JSON.stringify({ fact: 'stage', operator: 'equal', value: 'target' }) });
  await exportOnce('every customer', {});
  await exportOnce('every customer, sorted by level then name', { sort: 'level,name' });
} finally {
  await stage.close();
}
