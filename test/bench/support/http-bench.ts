import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import pg from 'pg';
import { closeOrm } from '../../../api/database/close-orm.ts';
import { migrateToLatest, openOrm } from '../../../api/database/orm.ts';

/**
 * What an HTTP benchmark compares: our app and a bare Express + pg endpoint over one freshly migrated schema of its
 * own, with the same pool size, listening on loopback ports. `close` stops the servers and drops the schema.
 */
export interface HttpBenchStage {
  orm: MikroORM;
  /** node-postgres straight on the same schema, for the bare endpoint. */
  bare: pg.Pool;
  listen(app: Express): Promise<string>;
  close(): Promise<void>;
}

export async function httpBenchStage(label: string, poolMax: number): Promise<HttpBenchStage> {
  const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(baseUrl);
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  const orm = await openOrm({ databaseUrl: url.toString(), schema, poolMax });
  await migrateToLatest(orm);
  const bare = new pg.Pool({ connectionString: url.toString(), max: poolMax });
  const servers: Server[] = [];
  return {
    orm,
    bare,
    listen: (app) =>
      new Promise((resolve) => {
        const server = app.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
        servers.push(server);
      }),
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await bare.end();
      await closeOrm(orm);
      await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    },
  };
}

export interface DriveSettings {
  clients: number;
  warmUpMs: number;
  measureMs: number;
}

/**
 * `clients` loops, each sending one request at a time — `request(client, n)` with its own counter `n`, resolving once
 * the answer is read and checked — for a warm-up and then a measured stretch of the same length for every side.
 * Requests that finish while measuring count towards the rate and the latencies.
 */
export async function driveClients(
  settings: DriveSettings,
  request: (client: number, n: number) => Promise<void>,
): Promise<{ perSec: number; latencies: number[] }> {
  const latencies: number[] = [];
  let measuring = false;
  let done = 0;
  let stop = false;
  const client = async (index: number) => {
    for (let n = 0; !stop; n++) {
      const started = performance.now();
      await request(index, n);
      if (measuring) {
        latencies.push(performance.now() - started);
        done++;
      }
    }
  };
  const running = Array.from({ length: settings.clients }, (_, index) => client(index));
  await new Promise((resolve) => setTimeout(resolve, settings.warmUpMs));
  measuring = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, settings.measureMs));
  measuring = false;
  const elapsed = performance.now() - started;
  const counted = done;
  stop = true;
  await Promise.all(running);
  return { perSec: (counted * 1_000) / elapsed, latencies };
}

/** Reads an answer to the end and fails the benchmark on any status but `expected`. */
export async function expectStatus(response: Response, expected: number, what: string): Promise<void> {
  await response.arrayBuffer();
  if (response.status !== expected) throw new Error(`${what} answered ${response.status}`);
}
