import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestSchema {
  /** The schema's name, unique to this test file's run. */
  name: string;
  /** A connection string whose sessions use the schema first on their search_path. */
  url: string;
  /** A pool bound to the schema. */
  pool: pg.Pool;
  drop(): Promise<void>;
}

/**
 * Gives a test file its own PostgreSQL schema on the shared test server, so files run in parallel without
 * seeing each other's rows. Call in `beforeAll`, and `drop()` in `afterAll`.
 */
export async function createTestSchema(label: string): Promise<TestSchema> {
  const name = `t_${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const baseUrl = inject('databaseUrl');
  const admin = new pg.Client(baseUrl);
  await admin.connect();
  await admin.query(`create schema "${name}"`);
  await admin.end();
  const url = withSearchPath(baseUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end();
      const client = new pg.Client(baseUrl);
      await client.connect();
      await client.query(`drop schema if exists "${name}" cascade`);
      await client.end();
    },
  };
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema},public`);
  return parsed.toString();
}
