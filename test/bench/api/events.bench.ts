import express from 'express';
import { createApp } from '../../../api/http/create-app.ts';
import { createLogger } from '../../../api/observability/logger.ts';
import { signIn } from '../../support/people-fixtures.ts';
import { installGenericTemplate } from '../../support/records-fixtures.ts';
import type { TestApp } from '../../support/test-app.ts';
import { printBenchLine, quantile } from '../support/bench-line.ts';
import { driveClients, expectStatus, httpBenchStage } from '../support/http-bench.ts';

/**
 * End-to-end `POST /api/customers/:id/events` with 16 concurrent clients, each toggling PAUSE_TRACKING and
 * RESUME_TRACKING on its own potential customers as rep.li — session check, row lock, definition, fact row, engine,
 * snapshot, audit entry, outbox — against a bare Express + pg endpoint that does one UPDATE of the same rows, in the
 * same run over the same schema, with the same pool size. Both run for the same time after a warm-up.
 */
const clients = 16;
const customersPerClient = 4;
const drive = { clients, warmUpMs: 1_000, measureMs: Number(process.env.STAGECRAFT_BENCH_MS ?? 4_000) };

const stage = await httpBenchStage('events', 10);
try {
  const ours = await stage.listen(createApp({ orm: stage.orm, logger: createLogger('warn', () => {}) }));
  const app = { url: ours, orm: stage.orm } as TestApp;
  await installGenericTemplate(app);
  const cookie = await signIn(app, 'rep.li');

  const ids: number[] = [];
  for (let i = 0; i < clients * customersPerClient; i++) {
    const response = await fetch(`${ours}/api/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: ours },
      body: JSON.stringify({ name: `压测客户${i}`, phone: `135${String(40_000_000 + i)}` }),
    });
    ids.push(((await response.json()) as { id: number }).id);
  }
  await stage.bare.query(
    `update customer set stage = 'potential',
       machine_snapshot = machine_snapshot || '{"value":"potential","flags":{"tracking":"tracking"}}'::jsonb`,
  );

  const bareApp = express();
  bareApp.use(express.json());
  bareApp.post('/customers/:id/events', async (request, response) => {
    const paused = request.body.type === 'PAUSE_TRACKING' ? 'paused' : 'tracking';
    const { rows } = await stage.bare.query(
      `update customer set machine_snapshot = jsonb_set(machine_snapshot, '{flags,tracking}', to_jsonb($2::text)),
         version = version + 1, updated_at = now() where id = $1 returning version`,
      [Number(request.params.id), paused],
    );
    response.json({ version: rows[0]?.version });
  });
  const bareUrl = await stage.listen(bareApp);

  /** Each client sends its own customers PAUSE, RESUME, PAUSE… one request at a time; every answer must be 200. */
  const run = (url: (id: number) => string, headers: Record<string, string>) => {
    const paused = new Map(ids.map((id) => [id, false]));
    return driveClients(drive, async (client, n) => {
      const id = ids[client * customersPerClient + (n % customersPerClient)]!;
      const type = paused.get(id) ? 'RESUME_TRACKING' : 'PAUSE_TRACKING';
      await expectStatus(await fetch(url(id), { method: 'POST', headers, body: JSON.stringify({ type }) }), 200, `${type} on ${id}`);
      paused.set(id, !paused.get(id));
    });
  };
  const oursRun = await run((id) => `${ours}/api/customers/${id}/events`, { 'content-type': 'application/json', cookie, origin: ours });
  const bareRun = await run((id) => `${bareUrl}/customers/${id}/events`, { 'content-type': 'application/json' });
  printBenchLine('api.events', {
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
