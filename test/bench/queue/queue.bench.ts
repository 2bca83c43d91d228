import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { migrateToLatest, openOrm } from '../../../api/database/orm.ts';
import { createApp } from '../../../api/http/create-app.ts';
import { createLogger } from '../../../api/observability/logger.ts';
import { signIn } from '../../support/people-fixtures.ts';
import { installGenericTemplate } from '../../support/records-fixtures.ts';
import type { TestApp } from '../../support/test-app.ts';
import { printBenchLine, quantile } from '../support/bench-line.ts';
import { generateCustomers } from '../support/generate-customers.ts';

/**
 * `GET /api/me/queue` for rep.li, who owns about 5,000 of STAGECRAFT_BENCH_CUSTOMERS (default 1,000,000) generated
 * customers (with their opportunities, orders and contact records), one request at a time over HTTP — session,
 * policy, five compiled section queries, the stage counts, field masking — against a bare indexed SELECT of the
 * rep's customers (id, stage, next follow-up) over one pg connection, in the same run on the same schema. Both run
 * for STAGECRAFT_BENCH_MS (default 5,000 ms) after a warm-up. Goal: p99 under 50 ms.
 */
const customerCount = Number(process.env.STAGECRAFT_BENCH_CUSTOMERS ?? 1_000_000);
const perRep = 5_000;
const poolShare = 0.2;
const measureMs = Number(process.env.STAGECRAFT_BENCH_MS ?? 5_000);
const warmUpMs = 1_000;

const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_queue_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client(baseUrl);
await admin.connect();
await admin.query(`create schema "${schema}"`);
const url = new URL(baseUrl);
url.searchParams.set('options', `-c search_path=${schema},public`);

const orm = await openOrm({ databaseUrl: url.toString(), schema, poolMax: 8 });
const bare = new pg.Client(url.toString());
await bare.connect();
let server: Server | undefined;

async function timed(run: () => Promise<void>): Promise<number[]> {
  const warmUntil = performance.now() + warmUpMs;
  while (performance.now() < warmUntil) await run();
  const latencies: number[] = [];
  const until = performance.now() + measureMs;
  while (performance.now() < until) {
    const started = performance.now();
    await run();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

try {
  await migrateToLatest(orm);
  const ours = await new Promise<string>((resolve) => {
    server = createApp({ orm, logger: createLogger('warn', () => {}) }).listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`),
    );
  });
  const app = { url: ours, orm } as TestApp;
  await installGenericTemplate(app);
  const cookie = await signIn(app, 'rep.li');
  const { rows: [rep] } = await bare.query("select id::int as id, team_id from app_user where login = 'rep.li'");

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
  const generated = await generateCustomers(bare, { count: customerCount, ownerIds: [rep.id, ...others.map((row: { id: number }) => row.id)], poolShare });
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  await bare.query('analyze');
  const { rows: [owned] } = await bare.query('select count(*)::int as n from customer_owner where user_id = $1', [rep.id]);

  const headers = { cookie };
  let items = 0;
  const queueLatencies = await timed(async () => {
    const response = await fetch(`${ours}/api/me/queue`, { headers });
    const body = (await response.json()) as { sections: Array<{ items: unknown[] }> };
    if (response.status !== 200) throw new Error(`queue answered ${response.status}: ${JSON.stringify(body)}`);
    items = body.sections.reduce((sum, section) => sum + section.items.length, 0);
  });
  const baselineLatencies = await timed(async () => {
    await bare.query(
      `select c.id, c.stage, c.next_follow_up_at from customer_owner co join customer c on c.id = co.customer_id
       where co.user_id = $1 and c.deleted_at is null`,
      [rep.id],
    );
  });

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
    generateSeconds,
  });
} finally {
  if (server !== undefined) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
  }
  await bare.end();
  await orm.close();
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
}
