import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrap } from '@mikro-orm/core';
import { Customer } from '../../api/customers/customer.entity.ts';
import { batchedCustomerFactRow, customerFactRows } from '../../api/customers/customer-fact-row.ts';
import { customerScopeSql, type CustomerScope } from '../../api/customers/customer-visibility.ts';
import { recordDefinitions } from '../../api/customers/published-definitions.ts';
import { detachedRow } from '../../api/database/detached-row.ts';
import { writeInOneStatement, type OneWritePart } from '../../api/transitions/one-write-batches.ts';
import { signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let li: string;

beforeAll(async () => {
  app = await startTestApp('events_batched');
  await installGenericTemplate(app);
  li = await signIn(app, 'rep.li');
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
const aCustomer = () => aCustomerOf(app, li, '批量事件客户', ++serial);

/** A part that bumps one customer's version, or one whose statement always fails (a not-null violation). */
const nothingElse = { stamp: { actorId: null, now: new Date(), requestId: null }, audits: [], messages: [] };
function bump(id: number): OneWritePart {
  return {
    record: `customer:${id}`,
    ctes: (bind, prefix) => `${prefix}updated as (update customer set version = version + 1 where id = ${bind.add(id)} returning id)`,
    ...nothingElse,
  };
}
const failing: OneWritePart = {
  record: 'customer:none',
  ctes: (_bind, prefix) => `${prefix}updated as (insert into customer (id) values (null) returning id)`,
  ...nothingElse,
};

const versionOf = async (id: number) => (await app.schema.pool.query<{ version: number }>('select version from customer where id = $1', [id])).rows[0]!.version;

describe('events written together under load', () => {
  it('takes every one of many parallel events on different customers, each with its own audit entry and effect', async () => {
    const ids = await Promise.all(Array.from({ length: 24 }, () => aCustomer()));
    const answers = await Promise.all(ids.map((id) => api(app, 'POST', `/api/customers/${id}/events`, { cookie: li, body: { type: 'SELECT' } })));
    expect(answers.map((answer) => [answer.status, answer.body.id, answer.body.to])).toEqual(ids.map((id) => [200, id, 'target']));
    const { rows: audits } = await app.schema.pool.query<{ record_id: number; n: number }>(
      "select record_id::int, count(*)::int as n from audit_entry where entity = 'customer' and action = 'event' and record_id = any($1) group by record_id",
      [ids],
    );
    expect(Object.fromEntries(audits.map((row) => [row.record_id, row.n]))).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    const keys = answers.flatMap((answer) => answer.body.effects.map((effect: { idempotencyKey: string }) => effect.idempotencyKey));
    expect(keys).toHaveLength(ids.length);
    const { rows: outbox } = await app.schema.pool.query<{ key: string }>('select idempotency_key as key from outbox where idempotency_key = any($1)', [keys]);
    expect(outbox.map((row) => row.key).sort()).toEqual([...keys].sort());
  });

  it('writes two parts for one record in separate statements, and a failing part fails only its own request', async () => {
    const [filler, first, second] = await Promise.all([aCustomer(), aCustomer(), aCustomer()]);
    const [a, b] = [await versionOf(first), await versionOf(second)];
    const written = (outcome: PromiseSettledResult<{ written: boolean }>) => (outcome.status === 'fulfilled' ? outcome.value.written : String(outcome.reason));
    // The first part starts at once, alone; the rest wait for it and go together in the next batch.
    const fill = () => [writeInOneStatement(app.orm, bump(filler))];
    const twice = await Promise.allSettled([...fill(), writeInOneStatement(app.orm, bump(first)), writeInOneStatement(app.orm, bump(first))]);
    expect(twice.map(written)).toEqual([true, true, true]);
    expect(await versionOf(first)).toBe(a + 2);

    const withFailure = await Promise.allSettled([...fill(), writeInOneStatement(app.orm, bump(second)), writeInOneStatement(app.orm, failing)]);
    expect(withFailure.map(written)).toEqual([true, true, expect.stringMatching(/null value/)]);
    expect(await versionOf(second)).toBe(b + 1);
  });

  it('reads the record for the one-write path as a plain row equal to the mapped entity', async () => {
    const id = await aCustomer();
    await app.schema.pool.query("update customer set keywords = '{甲,乙}', total_deal_amount = 1234.5, owner_id = created_by where id = $1", [id]);
    const { rows } = await app.schema.pool.query('select * from customer where id = $1', [id]);
    const em = app.orm.em.fork();
    const mapped = wrap(em.map(Customer, rows[0])).toObject();
    const detached = detachedRow(em, Customer, rows[0]);
    expect(detached).toEqual(mapped);
    expect(detached).toMatchObject({ id, keywords: ['甲', '乙'], totalDealAmount: 1234.5, ownerId: expect.any(Number) });
  });

  it('reads in one batch the same fact rows each request would read alone, whatever its sight, instant and zone', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => aCustomer()));
    const { rows: [li] } = await app.schema.pool.query<{ id: number }>("select id::int from app_user where login = 'rep.li'");
    const { catalogue } = await recordDefinitions(app.orm.em.fork(), 'customer');
    const scopes: CustomerScope[] = [{ kind: 'all' }, { kind: 'own', userId: li!.id }, { kind: 'own', userId: li!.id + 999 }];
    const contexts = [
      { now: Date.parse('2026-11-24T15:59:00Z'), timeZone: 'Asia/Shanghai' },
      { now: Date.parse('2026-11-24T16:01:00Z'), timeZone: 'Asia/Shanghai' },
      { now: Date.now(), timeZone: 'UTC' },
    ];
    const wanted = ids.flatMap((id, n) => scopes.map((scope, s) => ({ id, scope, context: contexts[(n + s) % contexts.length]! })));
    const em = () => app.orm.em.fork();
    const batched = await Promise.all(wanted.map(({ id, scope, context }) => batchedCustomerFactRow(em(), catalogue, context, scope, id)));
    const alone = await Promise.all(
      wanted.map(async ({ id, scope, context }) => (await customerFactRows(em(), catalogue, context, (bind) => `${customerScopeSql(scope, bind)} and c.id = ${bind.add(id)}`))[0]),
    );
    expect(batched).toEqual(alone);
    expect(batched.filter((row) => row === undefined)).toHaveLength(ids.length);
  });

  it('writes plain stage updates of one shape in one set-based update, each only on the version and flags it read', async () => {
    const [filler, fresh, stale, flagged] = await Promise.all([aCustomer(), aCustomer(), aCustomer(), aCustomer()]);
    const rowOf = async (id: number) =>
      (await app.schema.pool.query<{ version: number; stage: string; machine_snapshot: { value: string } }>('select version, stage, machine_snapshot from customer where id = $1', [id])).rows[0]!;
    const plain = async (id: number, versionDelta = 0): Promise<OneWritePart> => {
      const row = await rowOf(id);
      return {
        record: `customer:${id}`,
        plain: {
          table: 'customer',
          stageColumn: 'stage',
          id,
          readVersion: row.version + versionDelta,
          snapshot: { ...row.machine_snapshot, value: 'target' } as never,
          updatedAt: new Date(),
          conditions: [{ column: 'has_live_opportunities', value: false }],
        },
        stamp: { actorId: null, now: new Date(), requestId: 'plain-test' },
        audits: [{ entity: 'customer', recordId: id, customerId: id, action: 'event', before: null, after: { id }, why: { kind: 'reason', code: 'test' } }],
        messages: [],
      };
    };
    await app.schema.pool.query('update customer set has_live_opportunities = true where id = $1', [flagged]);
    const parts = [await plain(filler), await plain(fresh), await plain(stale, -1), await plain(flagged)];
    const before = await Promise.all([fresh, stale, flagged].map(rowOf));
    const outcomes = await Promise.all(parts.map((part) => writeInOneStatement(app.orm, part)));
    expect(outcomes.map((outcome) => outcome.written)).toEqual([true, true, false, false]);
    const after = await Promise.all([fresh, stale, flagged].map(rowOf));
    expect(after.map((row) => row.stage)).toEqual(['target', before[1]!.stage, before[2]!.stage]);
    expect(after.map((row, n) => row.version - before[n]!.version)).toEqual([1, 0, 0]);
    const { rows } = await app.schema.pool.query<{ record_id: number }>("select record_id::int from audit_entry where request_id = 'plain-test' order by record_id");
    expect(rows.map((row) => row.record_id)).toEqual([filler, fresh].sort((x, y) => x - y));
  });
});
