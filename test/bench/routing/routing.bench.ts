import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pg from 'pg';
import { defaultFactCatalogues } from '../../../definitions/defaults/facts/default-fact-catalogues.ts';
import defaultPolicy from '../../../definitions/defaults/routing-policy.json' with { type: 'json' };
import type { RoutingPolicy } from '../../../definitions/routing-policy.schema.ts';
import { migrateToLatest, openOrm } from '../../../api/database/orm.ts';
import { createApp } from '../../../api/http/create-app.ts';
import { createLogger } from '../../../api/observability/logger.ts';
import { decideRouting, emptyRoutingState, type RoutingCandidate } from '../../../engine/routing/index.ts';
import { createReps, publishPolicy, singleRulePolicy } from '../../leads/lead-fixtures.ts';
import { signIn } from '../../support/people-fixtures.ts';
import { installGenericTemplate } from '../../support/records-fixtures.ts';
import type { TestApp } from '../../support/test-app.ts';
import { printBenchLine, quantile } from '../support/bench-line.ts';

/**
 * 1. The pure decision: the generic lead-routing policy (three rules: least-loaded with working hours and capacity,
 *    attribute match, round-robin) over 40 candidates, state carried from one decision to the next.
 * 2. End-to-end `POST /api/leads` with 16 clients to a 4-rep round-robin policy — session, dedupe locks and check,
 *    the policy's state row lock, decision, one insert with assignment and audit — against a bare Express + pg
 *    endpoint that does one INSERT into the same table, in the same run, with the same pool size.
 */
const measureMs = Number(process.env.STAGECRAFT_BENCH_MS ?? 4_000);
const clients = 16;
const warmUpMs = 1_000;
const poolMax = 10;

function pureDecisions(): number {
  const catalogue = defaultFactCatalogues.lead;
  const policy = defaultPolicy as unknown as RoutingPolicy;
  const candidates: RoutingCandidate[] = Array.from({ length: 40 }, (_, i) => ({
    id: String(i + 1),
    login: `rep${i + 1}`,
    name: `Rep ${i + 1}`,
    roleKey: i % 10 === 0 ? 'manager' : 'rep',
    teamName: i % 2 === 0 ? 'inbound' : 'fieldSales',
    onLeave: i % 7 === 0,
    loads: { openLeads: (i * 37) % 160 },
  }));
  const records = [
    { score: 90, source: 'website' },
    { score: 10, source: 'website' },
    { score: 10, source: 'event' },
    { score: 10, source: 'coldCall' },
  ];
  let state = emptyRoutingState();
  const now = Date.parse('2026-11-11T03:00:00Z');
  const run = (n: number) => {
    for (let i = 0; i < n; i++) state = decideRouting(policy, catalogue, { record: records[i % 4]!, candidates, state, now, timeZone: 'Asia/Shanghai' }).state;
  };
  run(5_000);
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < Math.min(measureMs, 2_000)) {
    run(1_000);
    done += 1_000;
  }
  return (done * 1_000) / (performance.now() - started);
}

const decisionsPerSec = pureDecisions();

const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_routing_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client(baseUrl);
await admin.connect();
await admin.query(`create schema "${schema}"`);
const url = new URL(baseUrl);
url.searchParams.set('options', `-c search_path=${schema},public`);
const orm = await openOrm({ databaseUrl: url.toString(), schema, poolMax });
const bare = new pg.Pool({ connectionString: url.toString(), max: poolMax });
const servers: Server[] = [];
const listen = (app: express.Express) =>
  new Promise<string>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    servers.push(server);
  });

try {
  await migrateToLatest(orm);
  const ours = await listen(createApp({ orm, logger: createLogger('warn', () => {}) }));
  const app = { url: ours, orm } as TestApp;
  await installGenericTemplate(app);
  const cookie = await signIn(app, 'admin');
  const reps = await createReps(app, cookie, ['A', 'B', 'C', 'D'], 'bench');
  await publishPolicy(app, cookie, singleRulePolicy('bench-round-robin', { type: 'roundRobin', candidates: { users: reps.map(String) } }));

  const bareApp = express();
  bareApp.use(express.json());
  bareApp.post('/leads', async (request, response) => {
    const { rows } = await bare.query(
      `insert into lead (name, phone, source, status, ownership, machine_snapshot, definition_key, definition_version, created_at, updated_at)
       values ($1, $2, 'website', 'new', 'pool', '{}', 'lead-qualification', 1, now(), now()) returning id`,
      [request.body.name, request.body.phone],
    );
    response.status(201).json({ id: rows[0]?.id });
  });
  const bareUrl = await listen(bareApp);

  let serial = 0;
  async function drive(send: (n: number) => Promise<Response>): Promise<{ perSec: number; latencies: number[] }> {
    const latencies: number[] = [];
    let measuring = false;
    let done = 0;
    let stop = false;
    const client = async () => {
      while (!stop) {
        const started = performance.now();
        const response = await send(serial++);
        await response.arrayBuffer();
        if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
        if (measuring) {
          latencies.push(performance.now() - started);
          done++;
        }
      }
    };
    const running = Array.from({ length: clients }, client);
    await new Promise((resolve) => setTimeout(resolve, warmUpMs));
    measuring = true;
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, measureMs));
    measuring = false;
    const elapsed = performance.now() - started;
    const counted = done;
    stop = true;
    await Promise.all(running);
    return { perSec: (counted * 1_000) / elapsed, latencies };
  }

  const headers = { 'content-type': 'application/json', cookie, origin: ours };
  const lead = (n: number) => JSON.stringify({ name: `压测线索${n}`, phone: `1${String(3_000_000_000 + n)}`, source: 'website', routingPolicy: 'bench-round-robin' });
  const oursRun = await drive((n) => fetch(`${ours}/api/leads`, { method: 'POST', headers, body: lead(n) }));
  const bareRun = await drive((n) => fetch(`${bareUrl}/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: lead(n) }));
  printBenchLine('routing', {
    decisionsPerSec,
    oursPerSec: oursRun.perSec,
    barePerSec: bareRun.perSec,
    ratio: oursRun.perSec / bareRun.perSec,
    p50Ms: quantile(oursRun.latencies, 0.5),
    p99Ms: quantile(oursRun.latencies, 0.99),
    clients,
  });
} finally {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await bare.end();
  await orm.close();
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
}
