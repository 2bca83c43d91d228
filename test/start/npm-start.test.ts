import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../support/service-probe.ts';
import { runStagecraftToExit, spawnStagecraft } from '../support/stagecraft-process.ts';
import { createTestSchema } from '../support/test-schema.ts';

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

async function embeddedEnv() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stagecraft-start-'));
  dataDirs.push(dataDir);
  return {
    STAGECRAFT_DATA: dataDir,
    STAGECRAFT_PORT: String(await freePort()),
    STAGECRAFT_EMBEDDED_PG_PORT: String(await freePort()),
    DATABASE_URL: '',
    REDIS_URL: '',
  };
}

// Each test starts the real thing (initdb, migrations, the demo template): 5 s alone, 25 s on two busy cores.
describe('npm start', { timeout: 90_000 }, () => {
  it('runs on the embedded PostgreSQL, answers /readyz, and keeps its data across a restart', async () => {
    const env = await embeddedEnv();
    const first = await spawnStagecraft(env);
    expect(first.url).toBe(`http://127.0.0.1:${env.STAGECRAFT_PORT}`);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    expect(first.output()).toContain(`Database: embedded PostgreSQL, data in ${env.STAGECRAFT_DATA}`);
    expect(first.output()).toContain('demo template installed');
    expect(first.output()).toMatch(/Demo logins \(password: stagecraft-demo\):\n  admin +admin +.*\n  manager\.wang +manager +.*\n  rep\.li +rep +.*\n  rep\.zhang +rep /);

    const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${env.STAGECRAFT_EMBEDDED_PG_PORT}/stagecraft`;
    const client = new pg.Client(databaseUrl);
    await client.connect();
    const { rows: before } = await client.query('select kind, key, version from definition_version order by id');
    await client.end();
    expect(before.length).toBeGreaterThan(0);
    expect(await first.stop()).toBe(0);

    const second = await spawnStagecraft(env);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    expect(second.output()).not.toContain('demo template installed');
    expect(second.output()).toContain('Demo logins (password: stagecraft-demo):');
    const again = new pg.Client(databaseUrl);
    await again.connect();
    const { rows: after } = await again.query('select kind, key, version from definition_version order by id');
    await again.end();
    expect(after).toEqual(before);
    expect(await second.stop()).toBe(0);
  });

  it('runs on the PostgreSQL named by DATABASE_URL', async () => {
    const schema = await createTestSchema('npm_start');
    try {
      const running = await spawnStagecraft({
        ...(await embeddedEnv()),
        DATABASE_URL: inject('databaseUrl'),
        STAGECRAFT_DB_SCHEMA: schema.name,
      });
      expect(running.output()).toContain('Database: DATABASE_URL');
      expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
      const { rows } = await schema.pool.query('select name from mikro_orm_migrations');
      expect(rows.map((r) => r.name)).toContain('0001-foundation');
      expect(await running.stop()).toBe(0);
    } finally {
      await schema.drop();
    }
  });

  it('stops with one line naming the variable when a setting is wrong', async () => {
    const result = await runStagecraftToExit({ STAGECRAFT_PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.output.trim()).toBe(
      'Stagecraft cannot start: STAGECRAFT_PORT="abc" is not a port: expected a whole number from 1 to 65535.',
    );
  });

  it('says what to do when the HTTP port is taken', async () => {
    const env = await embeddedEnv();
    const first = await spawnStagecraft(env);
    const result = await runStagecraftToExit({ ...env, STAGECRAFT_DATA: `${env.STAGECRAFT_DATA}-second`, STAGECRAFT_EMBEDDED_PG_PORT: String(await freePort()) });
    dataDirs.push(`${env.STAGECRAFT_DATA}-second`);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Port ${env.STAGECRAFT_PORT} is already in use`);
    await first.stop();
  });
});
