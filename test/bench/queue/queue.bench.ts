import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import pg from 'pg';
import { closeOrm } from '../../../api/database/close-orm.ts';
import { migrateToLatest, openOrm } from '../../../api/database/orm.ts';
import { createApp } from '../../../api/http/create-app.ts';
import { createLogger } from '../../../api/observability/logger.ts';
import { signIn } from '../../support/people-fixtures.ts';
import { installGenericTemplate } from '../../support/records-fixtures.ts';
import type { TestApp } from '../../support/test-app.ts';
import { printBenchLine, quantile } from '../support/bench-line.ts';
import { generateCustomers, type GeneratedCustomers } from '../support/generate-customers.ts';
import { vacuumUntilAllVisible } from '../support/vacuum-until-all-visible.ts';

/**
 * `GET /api/me/queue` for rep.li, who owns about 5,000 of STAGECRAFT_BENCH_CUSTOMERS (default 1,000,000) generated
 * customers (with their opportunities, orders and contact records), one request at a time over HTTP — session,
 * policy, the stage counts and the five sections' statement, the items' reads, field masking — against a bare indexed
 * SELECT of the same customers (id, stage, next follow-up) over one pg connection, in the same run on the same
 * schema. Both run for STAGECRAFT_BENCH_MS (default 5,000 ms) after a warm-up. Goal: p99 under 50 ms. The line
 * also gives the machine's load average (1 minute) at the start and the end, since latencies depend on it.
 *
 * STAGECRAFT_BENCH_SCHEMA names a schema to keep: generated on the first run, reused (migrated to the latest, not
 * generated again) by later ones and never dropped — for working on the queries against a million rows without
 * paying for the generation each time. Drop it yourself when done.
 */
const customerCount = Number(process.env.STAGECRAFT_BENCH_CUSTOMERS ?? 1_000_000);
const perRep = 5_000;
const poolShare = 0.2;
const measureMs = Number(process.env.STAGECRAFT_BENCH_MS ?? 5_000);
const warmUpMs = 1_000;

const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const keptSchema = process.env.STAGECRAFT_BENCH_SCHEMA;
const schema = keptSchema ?? `bench_queue_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client(baseUrl);
await admin.connect();
const { rows: [existing] } = await admin.query('select exists (select 1 from pg_namespace where nspname = $1) as found', [schema]);
const reused = existing.found === true;
if (!reused) await admin.query(`create schema "${schema}"`);
const url = new URL(baseUrl);
url.searchParams.set('options', `-c search_path=${schema},public`);

const orm = await openOrm({ databaseUrl: url.toString(), schema, poolMax: 8 });
const bare = new pg.Client(url.toString());
await bare.connect();
let server: Server | undefined;

async function timed(run: () => Promise<void>): Promise<{ latencies: number[]; runs: number }> {
  let runs = 0;
  const warmUntil = performance.now() + warmUpMs;
  while (performance.now() < warmUntil) {
    await run();
    runs += 1;
  }
  const latencies: number[] = [];
  const until = performance.now() + measureMs;
  while (performance.now() < until) {
    const started = performance.now();
    await run();
    latencies.push(performance.now() - started);
  }
  return { latencies, runs: runs + latencies.length };
}

/**
 * Pages (8 kB blocks, from shared buffers or read) touched in this schema's tables and indexes so far: unlike
 * latencies, what a request reads does not depend on what else the machine runs. Backends publish these counts
 * about once a second, hence the pause.
 */
async function pagesTouched(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await bare.query('select pg_stat_clear_snapshot()');
  const { rows: [row] } = await bare.query(
    `select coalesce(sum(coalesce(heap_blks_hit, 0) + coalesce(heap_blks_read, 0) + coalesce(idx_blks_hit, 0) + coalesce(idx_blks_read, 0)), 0)::bigint as pages
     from pg_statio_user_tables where schemaname = $1`,
    [schema],
  );
  return Number(row.pages);
}

try {
  await migrateToLatest(orm);
  const ours = await new Promise<string>((resolve) => {
    server = createApp({ orm, logger: createLogger('warn', () => {}) }).listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`),
    );
  });
  const app = { url: ours, orm } as TestApp;
  if (!reused) await installGenericTemplate(app);
  const cookie = await signIn(app, 'rep.li');
  const { rows: [rep] } = await bare.query("select id::int as id, team_id from app_user where login = 'rep.li'");

  let generated: GeneratedCustomers;
  let generateSeconds = 0;
  if (reused) {
    const { rows: [counts] } = await bare.query(
      'select (select count(*) from customer)::int as customers, (select count(*) from opportunity)::int as opportunities, (select count(*) from sales_order)::int as orders',
    );
    generated = { firstId: 0, lastId: 0, contactRecords: 0, ...counts };
  } else {
    // Enough owners that each holds about perRep customers; rep.li is one of them.
    const ownerCount = Math.max(1, Math.round((customerCount * (1 - poolShare)) / perRep));
    const { rows: others } = await bare.query(
      `insert into app_user (login, display_name, password_hash, role_key, team_id, time_zone, locale)
       select 'bench.rep' || g, 'Bench rep ' || g, password_hash, 'rep', team_id, time_zone, locale
       from app_user, generate_series(1, $1::int) g where login = 'rep.li'
       returning id::int as id`,
      [ownerCount - 1],
    );
    const generateStarted = performance.now();
    generated = await generateCustomers(bare, { count: customerCount, ownerIds: [rep.id, ...others.map((row: { id: number }) => row.id)], poolShare });
    generateSeconds = (performance.now() - generateStarted) / 1000;
  }
  // A table that has been live a while has been vacuumed by autovacuum, so its visibility map lets index-only scans
  // skip the heap; a table filled a second ago has not. Vacuum it, as the steady state the latency goal is about.
  await vacuumUntilAllVisible(bare, ['customer', 'customer_owner', 'opportunity', 'sales_order', 'contact_record']);
  const { rows: [owned] } = await bare.query(
    'select count(*)::int as n from customer_owner co join customer c on c.id = co.customer_id where co.user_id = $1 and c.deleted_at is null',
    [rep.id],
  );

  const headers = { cookie };
  let items = 0;
  const loadAtStart = loadavg()[0]!;
  const pagesBefore = await pagesTouched();
  const queue = await timed(async () => {
    const response = await fetch(`${ours}/api/me/queue`, { headers });
    const body = (await response.json()) as { sections: Array<{ items: unknown[] }> };
    if (response.status !== 200) throw new Error(`queue answered ${response.status}: ${JSON.stringify(body)}`);
    items = body.sections.reduce((sum, section) => sum + section.items.length, 0);
  });
  const pagesPerRequest = ((await pagesTouched()) - pagesBefore) / queue.runs;
  const queueLatencies = queue.latencies;
  // The bare SELECT reads the same rows as the queue's own scope (the customers the rep owns primarily or as a
  // collaborator) by the best indexes there are for them, so it is the floor of "read the rep's customers once".
  let baselineRows = 0;
  const { latencies: baselineLatencies } = await timed(async () => {
    const { rowCount } = await bare.query(
      `select c.id, c.stage, c.next_follow_up_at from customer c where c.owner_id = $1 and c.deleted_at is null
       union all
       select c.id, c.stage, c.next_follow_up_at from customer_owner co join customer c on c.id = co.customer_id
       where co.user_id = $1 and co.role = 'collaborator' and c.deleted_at is null`,
      [rep.id],
    );
    baselineRows = rowCount ?? 0;
  });
  if (baselineRows !== owned.n) throw new Error(`the baseline read ${baselineRows} customers, the rep owns ${owned.n}`);

  printBenchLine('queue', {
    customers: generated.customers,
    repCustomers: owned.n,
    opportunities: generated.opportunities,
    orders: generated.orders,
    itemsPerAnswer: items,
    requests: queueLatencies.length,
    p50Ms: quantile(queueLatencies, 0.5),
    p99Ms: quantile(queueLatencies, 0.99),
    baselineP50Ms: quantile(baselineLatencies, 0.5),
    baselineP99Ms: quantile(baselineLatencies, 0.99),
    goalMet: quantile(queueLatencies, 0.99) < 50,
    pagesPerRequest,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg()[0]!,
    generateSeconds,
  });
} finally {
  if (server !== undefined) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
  }
  await bare.end();
  await closeOrm(orm);
  if (keptSchema === undefined) await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
}
