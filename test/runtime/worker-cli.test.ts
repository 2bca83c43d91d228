import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, type TestSchema } from '../support/test-schema.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run worker`'s script to its exit (it is expected to refuse to start). */
function runWorkerToExit(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), [path.join(root, 'api/cli/worker.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: undefined, REDIS_URL: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

let schema: TestSchema;
beforeAll(async () => {
  schema = await createTestSchema('worker_cli');
});
afterAll(async () => {
  await schema?.drop();
});

describe('npm run worker', () => {
  it('refuses to start without DATABASE_URL, saying the embedded default runs its workers in npm start', async () => {
    const { code, output } = await runWorkerToExit({});
    expect(code).toBe(1);
    expect(output).toContain('Stagecraft worker cannot start: npm run worker needs DATABASE_URL');
  });

  it('refuses to start on a database whose migrations are pending, rather than race the API to apply them', async () => {
    const { code, output } = await runWorkerToExit({ DATABASE_URL: schema.url, STAGECRAFT_DB_SCHEMA: schema.name });
    expect(code).toBe(1);
    expect(output).toMatch(/migration\(s\) pending \(0001-foundation, .*\): start the API \(npm start\) once/);
    const { rows } = await schema.pool.query("select count(*)::int as n from information_schema.tables where table_schema = $1", [schema.name]);
    expect(rows[0].n).toBe(1);
  });
});
