import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BindParams, boundExecute, boundQuery } from '../../api/database/bound-query.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('bound_query');
  await boundExecute(app.orm.em.fork(), 'create table bound_query_probe (id int primary key, v text not null)');
});
afterAll(async () => {
  await app.close();
});

const awkward = `it's "quoted" \\ back\\slashed $1 ? :name -- not a comment /* nor this */ ${'\u00e9\u4e2d'}`;

describe('boundQuery', () => {
  it('sends the values as bind parameters: the server sees $1 in the text, never the value', async () => {
    const [row] = await boundQuery<{ v: string; q: string }>(app.orm.em.fork(), 'select $1::text as v, current_query() as q', [awkward]);
    expect(row!.v).toBe(awkward);
    expect(row!.q).toBe('select $1::text as v, current_query() as q');
  });

  it('binds a value reused by number, lists as arrays, and nulls', async () => {
    const [row] = await boundQuery<{ same: boolean; list: Array<string | null>; nothing: string | null }>(
      app.orm.em.fork(),
      'select $1::text = $1::text as same, $2::text[] as list, $3::text as nothing',
      ['x', ['a"b', 'c\\d', null, '{e,f}'], null],
    );
    expect(row).toEqual({ same: true, list: ['a"b', 'c\\d', null, '{e,f}'], nothing: null });
  });

  it('parses rows exactly as em.execute did (the same client and type parsers): timestamptz as text, bigint as string', async () => {
    const em = app.orm.em.fork();
    const at = new Date('2026-03-04T05:06:07.089Z');
    const select = (n: string) => `select ${n}::timestamptz as at, 9007199254740993::bigint as big, 42::int as n, '{"a":[1]}'::jsonb as doc, true as yes`;
    const [bound] = await boundQuery<Record<string, unknown>>(em, select('$1'), [at]);
    const [formatted] = await em.execute<Array<Record<string, unknown>>>(select('?'), [at]);
    expect(bound).toEqual(formatted);
    expect(bound).toMatchObject({ big: '9007199254740993', n: 42, doc: { a: [1] }, yes: true });
    expect(new Date(bound!.at as string).toISOString()).toBe(at.toISOString());
  });

  it("runs in the EntityManager's transaction: it sees uncommitted rows that the pool does not", async () => {
    const outside = app.orm.em.fork();
    await expect(
      app.orm.em.fork().transactional(async (em) => {
        expect(await boundExecute(em, 'insert into bound_query_probe (id, v) values ($1, $2)', [1, awkward])).toBe(1);
        expect(await boundQuery(em, 'select v from bound_query_probe where id = $1', [1])).toEqual([{ v: awkward }]);
        expect(await boundQuery(outside, 'select v from bound_query_probe where id = $1', [1])).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await boundQuery(outside, 'select v from bound_query_probe')).toEqual([]);
  });

  it("converts driver errors to MikroORM's exceptions, as em.execute did", async () => {
    const em = app.orm.em.fork();
    await boundExecute(em, 'insert into bound_query_probe (id, v) values ($1, $2)', [2, 'first']);
    await expect(boundExecute(em, 'insert into bound_query_probe (id, v) values ($1, $2)', [2, 'again'])).rejects.toBeInstanceOf(
      UniqueConstraintViolationException,
    );
  });
});

describe('BindParams', () => {
  it('numbers values after those already bound', () => {
    const bind = new BindParams(['a', 'b']);
    expect([bind.add('c'), bind.add('d')]).toEqual(['$3', '$4']);
    expect(bind.values).toEqual(['a', 'b', 'c', 'd']);
  });
});
