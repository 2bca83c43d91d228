import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let cookie: string;

beforeAll(async () => {
  app = await startTestApp('exports_abandoned');
  await installGenericTemplate(app);
  // Far more than one batch and more than the connection buffers between server and client hold.
  await app.schema.pool.query(
    `insert into customer (name, name_key, stage, machine_snapshot, definition_key, definition_version, ownership, custom_fields, created_at)
     select '客户' || g, 'c' || g, 'potential', jsonb_build_object('value', 'potential', 'flags', '{}'::jsonb), 'customer-lifecycle', 1, 'pool',
            '{}'::jsonb, now()
     from generate_series(1, 20000) g`,
  );
  cookie = await signIn(app, 'admin');
});
afterAll(async () => {
  await app?.close();
});

describe('an abandoned export', () => {
  it('stops reading when the reader goes away, and is recorded as unfinished with the rows written', async () => {
    const controller = new AbortController();
    const response = await fetch(`${app.url}/api/customers/export`, { headers: { cookie, origin: app.url }, signal: controller.signal });
    expect(response.status).toBe(200);
    await response.body!.getReader().read();
    controller.abort();

    // The server learns of the closed connection on its own schedule; wait for its record (bounded), then check it.
    let recorded: Array<{ row_count: number; completed: boolean }> = [];
    for (let attempt = 0; attempt < 400 && recorded.length === 0; attempt++) {
      recorded = (await app.schema.pool.query('select row_count, completed from list_export')).rows;
      if (recorded.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.completed).toBe(false);
    expect(recorded[0]!.row_count).toBeGreaterThan(0);
    expect(recorded[0]!.row_count).toBeLessThan(20_000);
    // The server carries on.
    expect((await api(app, 'GET', '/api/customers?limit=1', { cookie })).body.total).toBe(20_000);
  });
});
