import express from 'express';
import { defaultFactCatalogues } from '../../../definitions/defaults/facts/default-fact-catalogues.ts';
import defaultPolicy from '../../../definitions/defaults/routing-policy.json' with { type: 'json' };
import type { RoutingPolicy } from '../../../definitions/routing-policy.schema.ts';
import { createApp } from '../../../api/http/create-app.ts';
import { createLogger } from '../../../api/observability/logger.ts';
import { decideRouting, emptyRoutingState, type RoutingCandidate } from '../../../engine/routing/index.ts';
import { createReps, publishPolicy, singleRulePolicy } from '../../leads/lead-fixtures.ts';
import { signIn } from '../../support/people-fixtures.ts';
import { installGenericTemplate } from '../../support/records-fixtures.ts';
import type { TestApp } from '../../support/test-app.ts';
import { printBenchLine, quantile } from '../support/bench-line.ts';
import { driveClients, expectStatus, httpBenchStage } from '../support/http-bench.ts';

/**
 * 1. The pure decision: the generic lead-routing policy (three rules: least-loaded with working hours and capacity,
 *    attribute match, round-robin) over 40 candidates, state carried from one decision to the next.
 * 2. End-to-end `POST /api/leads` with 16 clients to a 4-rep round-robin policy — session, dedupe locks and check,
 *    the policy's state row lock, decision, one insert with assignment and audit — against a bare Express + pg
 *    endpoint that does one INSERT into the same table, in the same run, with the same pool size.
 */
const measureMs = Number(process.env.STAGECRAFT_BENCH_MS ?? 4_000);
const clients = 16;
const drive = { clients, warmUpMs: 1_000, measureMs };

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

const stage = await httpBenchStage('routing', 10);
try {
  const ours = await stage.listen(createApp({ orm: stage.orm, logger: createLogger('warn', () => {}) }));
  const app = { url: ours, orm: stage.orm } as TestApp;
  await installGenericTemplate(app);
  const cookie = await signIn(app, 'admin');
  const reps = await createReps(app, cookie, ['A', 'B', 'C', 'D'], 'bench');
  await publishPolicy(app, cookie, singleRulePolicy('bench-round-robin', { type: 'roundRobin', candidates: { users: reps.map(String) } }));

  const bareApp = express();
  bareApp.use(express.json());
  bareApp.post('/leads', async (request, response) => {
    const { rows } = await stage.bare.query(
      `insert into lead (name, phone, source, status, ownership, machine_snapshot, definition_key, definition_version, created_at, updated_at)
       values ($1, $2, 'website', 'new', 'pool', '{}', 'lead-qualification', 1, now(), now()) returning id`,
      [request.body.name, request.body.phone],
    );
    response.status(201).json({ id: rows[0]?.id });
  });
  const bareUrl = await stage.listen(bareApp);

  // One counter for both sides and every client: each lead has a phone of its own, so none is refused as a duplicate.
  let serial = 0;
  const run = (url: string, headers: Record<string, string>) =>
    driveClients(drive, async () => {
      await expectStatus(await fetch(url, { method: 'POST', headers, body: lead(serial++) }), 201, 'intake');
    });

  const headers = { 'content-type': 'application/json', cookie, origin: ours };
  const lead = (n: number) => JSON.stringify({ name: `压测线索${n}`, phone: `1${String(3_000_000_000 + n)}`, source: 'website', routingPolicy: 'bench-round-robin' });
  const oursRun = await run(`${ours}/api/leads`, headers);
  const bareRun = await run(`${bareUrl}/leads`, { 'content-type': 'application/json' });
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
  await stage.close();
}
