import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundExecute, boundQuery } from '../../api/database/bound-query.ts';
import { preparedQuery } from '../../api/database/prepared-query.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('prepared_query');
  await boundExecute(app.orm.em.fork(), 'create table prepared_query_probe (id int primary key, v text not null)');
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** The statements prepared on the connections of the app's pool, by name, over `runs` runs of one statement. */
async function preparedStatementsAfter(runs: number, sql: string): Promise<Array<{ name: string; statement: string }>> {
  const em = app.orm.em;
  const seen: Array<{ name: string; statement: string }> = [];
  for (let i = 0; i < runs; i++) seen.push(...(await preparedQuery<{ name: string; statement: string }>(em, sql, [i])));
  return seen;
}

describe('preparedQuery', () => {
  it('prepares a statement once per connection, by a name of its text, and answers as boundQuery does', async () => {
    const sql = "select name, statement, $1::int as run from pg_prepared_statements where name like 'stagecraft\\_%'";
    const seen = await preparedStatementsAfter(6, sql);
    // From the second run on every connection, the statement is there under one name.
    expect(new Set(seen.map((row) => row.name)).size).toBe(1);
    expect(seen[0]!.statement).toContain('pg_prepared_statements');
    const probe = "select $1::timestamptz as at, 9007199254740993::bigint as big, '{\"a\":[1]}'::jsonb as doc, $2::text[] as list";
    const values = [new Date('2026-03-04T05:06:07.089Z'), ['a"b', null]];
    expect(await preparedQuery(app.orm.em, probe, values)).toEqual(await boundQuery(app.orm.em.fork(), probe, values));
  });

  it('plans every run for its own values', async () => {
    expect(await preparedQuery(app.orm.em, 'select current_setting($1) as mode', ['plan_cache_mode'])).toEqual([{ mode: 'force_custom_plan' }]);
  });

  it("runs in the EntityManager's transaction when it has one: it sees the transaction's uncommitted rows", async () => {
    const outside = app.orm.em.fork();
    await app.orm.em.fork().transactional(async (em) => {
      await boundExecute(em, 'insert into prepared_query_probe (id, v) values ($1, $2)', [1, 'inside']);
      expect(await preparedQuery(em, 'select v from prepared_query_probe where id = $1', [1])).toEqual([{ v: 'inside' }]);
      expect(await preparedQuery(outside, 'select v from prepared_query_probe where id = $1', [1])).toEqual([]);
    });
  });

  it('answers with the new columns after a migration changes a table its prepared statement reads', async () => {
    await app.schema.pool.query("create table prepared_query_migrated (id int primary key); insert into prepared_query_migrated values (7)");
    const sql = 'select * from prepared_query_migrated';
    // Prepared on several pooled connections at once.
    for (let i = 0; i < 4; i++) await Promise.all(Array.from({ length: 4 }, () => preparedQuery(app.orm.em, sql, [])));
    await app.schema.pool.query("alter table prepared_query_migrated add column added text not null default 'new'");
    const after = await Promise.all(Array.from({ length: 8 }, () => preparedQuery(app.orm.em, sql, [])));
    expect(after).toEqual(Array.from({ length: 8 }, () => [{ id: 7, added: 'new' }]));
  });

  it('reports driver errors as MikroORM exceptions, as boundQuery does', async () => {
    await expect(preparedQuery(app.orm.em, 'insert into prepared_query_probe (id, v) values ($1, $2)', [1, 'again'])).rejects.toBeInstanceOf(
      UniqueConstraintViolationException,
    );
  });
});
