import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pg from 'pg';
import { migrateToLatest, openOrm } from '../../../api/database/orm.ts';
import { createApp } from '../../../api/http/create-app.ts';
import { createLogger } from '../../../api/observability/logger.ts';
import { signIn } from '../../support/people-fixtures.ts';
import { installGenericTemplate } from '../../support/records-fixtures.ts';
import type { TestApp } from '../../support/test-app.ts';
import { printBenchLine, quantile } from '../support/bench-line.ts';

/**
 * End-to-end `POST /api/customers/:id/events` with 16 concurrent clients, each toggling PAUSE_TRACKING and
 * RESUME_TRACKING on its own potential customers as rep.li — session check, row lock, definition, fact row, engine,
 * snapshot, audit entry, outbox — against a bare Express + pg endpoint that does one UPDATE of the same rows, in the
 * same run over the same schema, with the same pool size. Both run for the same time after a warm-up.
 */
const clients = 16;
const customersPerClient = 4;
const warmUpMs = 1_000;
const measureMs = Number(process.env.STAGECRAFT_BENCH_MS ?? 4_000);
const poolMax = 10;

const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_events_${randomBytes(4).toString('hex')}`;
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
  await bare.query(
    `update customer set stage = 'potential',
       machine_snapshot = machine_snapshot || '{"value":"potential","flags":{"tracking":"tracking"}}'::jsonb`,
  );

  const bareApp = express();
  bareApp.use(express.json());
  bareApp.post('/customers/:id/events', async (request, response) => {
    const paused = request.body.type === 'PAUSE_TRACKING' ? 'paused' : 'tracking';
    const { rows } = await bare.query(
      `update customer set machine_snapshot = jsonb_set(machine_snapshot, '{flags,tracking}', to_jsonb($2::text)),
         version = version + 1, updated_at = now() where id = $1 returning version`,
      [Number(request.params.id), paused],
    );
    response.json({ version: rows[0]?.version });
  });
  const bareUrl = await listen(bareApp);

  /** 16 clients, each sending its customers PAUSE, RESUME, PAUSE… one request at a time; every answer must be 200. */
  async function drive(send: (id: number, type: string) => Promise<Response>): Promise<{ perSec: number; latencies: number[] }> {
    const latencies: number[] = [];
    let measuring = false;
    let done = 0;
    let stop = false;
    const client = async (index: number) => {
      const mine = ids.slice(index * customersPerClient, (index + 1) * customersPerClient);
      const paused = new Map(mine.map((id) => [id, false]));
      for (let n = 0; !stop; n++) {
        const id = mine[n % mine.length]!;
        const type = paused.get(id) ? 'RESUME_TRACKING' : 'PAUSE_TRACKING';
        const started = performance.now();
        const response = await send(id, type);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${type} on ${id} answered ${response.status}`);
        paused.set(id, !paused.get(id));
        if (measuring) {
          latencies.push(performance.now() - started);
          done++;
        }
      }
    };
    const running = Array.from({ length: clients }, (_, index) => client(index));
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
  const oursRun = await drive((id, type) => fetch(`${ours}/api/customers/${id}/events`, { method: 'POST', headers, body: JSON.stringify({ type }) }));
  const bareRun = await drive((id, type) =>
    fetch(`${bareUrl}/customers/${id}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type }) }),
  );
  printBenchLine('api.events', {
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
