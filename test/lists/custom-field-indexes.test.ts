import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordListCatalogue } from '../../api/lists/record-list-catalogue.ts';
import { compileConditionToSql } from '../../engine/conditions/compile-condition-to-sql.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookies = { admin: '', manager: '', li: '' };

const view = (name: string, filter: unknown, sharedWithRoles: string[]) => ({
  entity: 'customer',
  name: { en: name, 'zh-CN': name },
  filter,
  sharedWithRoles,
});

async function indexesOn(table: string): Promise<string[]> {
  const { rows } = await app.schema.pool.query('select indexname from pg_indexes where schemaname = current_schema() and tablename = $1', [table]);
  return rows.map((row: { indexname: string }) => row.indexname);
}

beforeAll(async () => {
  app = await startTestApp('lists_indexes');
  await installGenericTemplate(app);
  cookies.admin = await signIn(app, 'admin');
  cookies.manager = await signIn(app, 'manager.wang');
  cookies.li = await signIn(app, 'rep.li');
  // Enough customers that the planner's choice means something.
  await app.schema.pool.query(
    `insert into customer (name, name_key, stage, machine_snapshot, definition_key, definition_version, ownership, custom_fields, created_at)
     select 'c' || g, 'c' || g, 'potential', jsonb_build_object('value', 'potential', 'flags', '{}'::jsonb), 'customer-lifecycle', 1, 'pool',
            jsonb_build_object('level', (array['A', 'B', 'C', 'D'])[1 + g % 4], 'annualRevenue', g), now()
     from generate_series(1, 20000) g`,
  );
  await app.schema.pool.query('analyze customer');
});
afterAll(async () => {
  await app?.close();
});

describe('expression indexes for shared views', () => {
  it('indexes a custom field a shared view filters on, and the planner uses the index for the list’s filter', async () => {
    const filter = { all: [{ fact: 'custom.level', operator: 'equal', value: 'A' }, { fact: 'stage', operator: 'equal', value: 'potential' }] };
    const saved = await api(app, 'POST', '/api/saved-views', { cookie: cookies.manager, body: view('Key accounts', filter, ['rep']) });
    expect(saved.status).toBe(201);

    const listed = await api(app, 'GET', '/api/admin/list-indexes', { cookie: cookies.admin });
    expect(listed.status, app.logLines.filter((line) => line.includes("error")).join("\n")).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ table: 'customer', fieldKey: 'level', valid: true, reason: { savedViewId: saved.body.id } }),
    ]);
    const indexName = listed.body.items[0].indexName as string;
    expect(await indexesOn('customer')).toContain(indexName);

    // The list's filter, compiled as the list compiles it, with sequential scans priced out of the way.
    const catalogue = await recordListCatalogue(app.orm.em.fork(), 'customer', true);
    const fragment = compileConditionToSql({ fact: 'custom.level', operator: 'equal', value: 'A' }, catalogue, { tableAlias: 'c' });
    const client = await app.schema.pool.connect();
    try {
      await client.query('set enable_seqscan = off');
      const { rows } = await client.query(`explain select c.id from customer c where ${fragment.sql}`, fragment.params);
      expect(rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n')).toContain(indexName);
    } finally {
      await client.query('reset enable_seqscan');
      client.release();
    }
  });

  it('leaves personal views alone, and builds one index when two shared views name the same field at once', async () => {
    const before = await indexesOn('customer');
    const personal = await api(app, 'POST', '/api/saved-views', {
      cookie: cookies.li,
      body: view('Mine', { fact: 'custom.annualRevenue', operator: 'greaterThan', value: 100 }, []),
    });
    expect(personal.status).toBe(201);
    expect(await indexesOn('customer')).toEqual(before);

    const filter = { fact: 'custom.annualRevenue', operator: 'between', value: [10, 20] };
    const [one, two] = await Promise.all([
      api(app, 'POST', '/api/saved-views', { cookie: cookies.manager, body: view('Mid revenue', filter, ['rep']) }),
      api(app, 'POST', '/api/saved-views', { cookie: cookies.admin, body: view('Mid revenue too', filter, ['manager']) }),
    ]);
    expect([one.status, two.status], app.logLines.filter((line) => line.includes("error")).join("\n")).toEqual([201, 201]);
    const listed = await api(app, 'GET', '/api/admin/list-indexes', { cookie: cookies.admin });
    expect(listed.body.items.map((item: { fieldKey: string; valid: boolean }) => [item.fieldKey, item.valid])).toEqual([
      ['annualRevenue', true],
      ['level', true],
    ]);
    expect((await indexesOn('customer')).length).toBe(before.length + 1);
  });

  it('shows the indexes to administrators only', async () => {
    expect((await api(app, 'GET', '/api/admin/list-indexes', { cookie: cookies.li })).status).toBe(403);
  });
});
