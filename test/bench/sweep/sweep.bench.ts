import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { closeOrm } from '../../../api/database/close-orm.ts';
import { migrateToLatest, openOrm } from '../../../api/database/orm.ts';
import { customerOwnersAggregateSql, ownershipColumnsOf, ownershipDocumentSql } from '../../../api/recycling/ownership-document-sql.ts';
import { recycleRunOf } from '../../../api/recycling/recycle-run.ts';
import { recycleSweepStatement, sweepStatementSettings } from '../../../api/recycling/recycle-sweep.statement.ts';
import { buildRulesEngineEvaluator, compileFactRowSelect, type FactRow } from '../../../engine/conditions/index.ts';
import { ruleFiringCondition } from '../../../engine/rules/rule-condition.ts';
import { installGenericTemplate, userIdOf } from '../../support/records-fixtures.ts';
import type { TestApp } from '../../support/test-app.ts';
import { printBenchLine } from '../support/bench-line.ts';

/**
 * The compiled recycle sweep of `recycle-potential-no-contact` over STAGECRAFT_SWEEP_CUSTOMERS customers (default
 * 1,000,000, generated set-based), against (1) the same statement written by hand — the condition typed out, the
 * same writes — on the same rows, and (2) on the first 20,000 customers, a per-record loop that loads each fact row,
 * judges it with json-rules-engine and writes the same rows one customer at a time. Every run is a transaction that
 * is rolled back (and the tables vacuumed before the next), so all of them start from the same data; each side gets
 * one untimed warm-up run, each of the two statements then runs twice, interleaved, and the faster run counts. The
 * moved sets are compared by count and md5 of the sorted ids.
 */
const customers = Number(process.env.STAGECRAFT_SWEEP_CUSTOMERS ?? 1_000_000);
const slice = Math.min(Number(process.env.STAGECRAFT_SWEEP_SLICE ?? 20_000), customers);
const ruleId = 'recycle-potential-no-contact';

const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_sweep_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client(baseUrl);
await admin.connect();
await admin.query(`create schema "${schema}"`);
const url = new URL(baseUrl);
url.searchParams.set('options', `-c search_path=${schema},public`);
const orm = await openOrm({ databaseUrl: url.toString(), schema, poolMax: 2 });
const client = new pg.Client(url.toString());
await client.connect();

/** A moved set: how many, and an md5 of their sorted ids (optionally only those up to `upTo`). */
async function movedSet(upTo = Number.MAX_SAFE_INTEGER): Promise<{ count: number; md5: string | null }> {
  const { rows } = await client.query(
    "select count(*)::int as count, md5(string_agg(record_id::text, ',' order by record_id)) as md5 from audit_entry where action = 'recycle' and record_id <= $1",
    [upTo],
  );
  return rows[0];
}

/**
 * Runs `work` in a transaction that is rolled back afterwards; returns its time and what it moved. A rollback leaves
 * every row the run wrote behind as dead tuples and index entries, and the test server runs without autovacuum, so
 * each run first vacuums (untimed): every run — compiled, hand-written, loop — starts from the same physical tables,
 * not from the debris of the runs before it.
 */
async function timedAndRolledBack(work: () => Promise<unknown>, upTo?: number) {
  await client.query('vacuum customer, customer_owner, ownership_event, recycled_customer, audit_entry, outbox');
  await client.query('begin');
  try {
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    return { ms, moved: await movedSet(upTo), movedInSlice: await movedSet(slice) };
  } finally {
    await client.query('rollback');
  }
}

try {
  await migrateToLatest(orm);
  await installGenericTemplate({ orm } as TestApp);
  const owners = [await userIdOf({ schema: { pool: client } } as unknown as TestApp, 'rep.li'), await userIdOf({ schema: { pool: client } } as unknown as TestApp, 'rep.zhang')];
  const now = new Date();

  const generatedAt = performance.now();
  await client.query(
    `insert into customer (name, name_key, stage, machine_snapshot, definition_key, definition_version, ownership, owner_id,
                           total_deal_amount, last_contact_at, created_at, updated_at)
     select '压测客户' || g, '压测客户' || g, s.stage, jsonb_build_object('value', s.stage, 'flags', '{}'::jsonb), 'customer-lifecycle', 1,
            'personal', case when g % 2 = 0 then $2::bigint else $3::bigint end, case when g % 10 = 0 then 100 else 0 end,
            case when g % 7 = 0 then null else $4::timestamptz - make_interval(days => g % 40, hours => g % 24) end,
            $4::timestamptz - interval '60 days', $4::timestamptz - interval '60 days'
     from generate_series(1, $1::int) g
     cross join lateral (select (array['reserve', 'target', 'potential', 'opportunity', 'won'])[1 + g % 5] as stage) s`,
    [customers, owners[0], owners[1], now.toISOString()],
  );
  await client.query("insert into customer_owner (customer_id, user_id, role, since) select id, owner_id, 'primary', created_at from customer");
  await client.query('vacuum analyze customer');
  await client.query('analyze customer_owner');
  const generationMs = performance.now() - generatedAt;

  const run = (await recycleRunOf(orm.em.fork(), ruleId, { now, defaultTimeZone: 'Asia/Shanghai' }))!;
  const compiled = recycleSweepStatement(run, 100);
  const handWritten = handWrittenSweep(run.rule.effects.find((effect) => effect.type === 'notify'));

  // Both statements run as the sweep command runs its statement (sweepStatementSettings: no JIT).
  const compiledRun = async () => {
    await client.query(sweepStatementSettings);
    await client.query(compiled.sql, compiled.params);
  };
  const handRun = async () => {
    await client.query(sweepStatementSettings);
    await client.query(handWritten.sql, handWritten.params(now, run.reason));
  };
  await timedAndRolledBack(compiledRun); // warm-up: the table and its indexes into the cache
  const c1 = await timedAndRolledBack(compiledRun);
  const h1 = await timedAndRolledBack(handRun);
  const h2 = await timedAndRolledBack(handRun);
  const c2 = await timedAndRolledBack(compiledRun);
  const sweepMs = Math.min(c1.ms, c2.ms);
  const handMs = Math.min(h1.ms, h2.ms);

  const reference = buildRulesEngineEvaluator(ruleFiringCondition(run.rule), run.catalogue);
  const factSelect = compileFactRowSelect(run.catalogue, { context: run.context, tableAlias: 'c', firstParam: 2 });
  const loopRun = async () => {
    for (let id = 1; id <= slice; id++) {
      const { rows } = await client.query(
        `select ${factSelect.sql} from customer c where c.id = $1 and c.deleted_at is null and c.ownership <> 'pool'`,
        [id, ...factSelect.params],
      );
      const row = rows[0] as FactRow | undefined;
      if (row === undefined || !(await reference.run(row, run.context))) continue;
      await recycleOne(id, row, run, now);
    }
  };
  await timedAndRolledBack(loopRun, slice); // warm-up, as the statements had: its slice, Node's JIT, the plans
  const loop = await timedAndRolledBack(loopRun, slice);

  const sameSet = c1.moved.md5 === h1.moved.md5 && c1.moved.md5 === c2.moved.md5 && c1.movedInSlice.md5 === loop.moved.md5;
  printBenchLine('sweep.recycle', {
    customers,
    moved: c1.moved.count,
    sweepMs,
    handWrittenMs: handMs,
    ratioVsSql: sweepMs / handMs,
    loopSlice: slice,
    loopMoved: loop.moved.count,
    loopMs: loop.ms,
    // Per customer examined (each side judges every customer it is given; both move the same share of them) …
    sweepUsPerCustomer: (sweepMs * 1000) / customers,
    loopUsPerCustomer: (loop.ms * 1000) / slice,
    speedupVsLoop: loop.ms / slice / (sweepMs / customers),
    // … and per customer moved, the unit the writes scale with.
    speedupPerMoved: loop.ms / loop.moved.count / (sweepMs / c1.moved.count),
    sameSet,
    generationMs,
  });
  if (!sameSet) throw new Error(`the three moved different sets: ${JSON.stringify({ c1, c2, h1, h2, loop })}`);
} finally {
  await client.end();
  await closeOrm(orm);
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
}

/** What the loop writes for one customer, query by query: the same rows the statement writes for it. */
async function recycleOne(id: number, _row: FactRow, run: NonNullable<Awaited<ReturnType<typeof recycleRunOf>>>, now: Date) {
  const nowText = now.toISOString();
  const owners = `coalesce((select ${customerOwnersAggregateSql('o')} from customer_owner o where o.customer_id = c.id), '[]'::jsonb)`;
  const [{ before }] = (
    await client.query(
      `select ${ownershipDocumentSql(ownershipColumnsOf('c', owners))} as before
       from customer c where id = $1 for update`,
      [id],
    )
  ).rows;
  const { rows: lost } = await client.query('delete from customer_owner where customer_id = $1 returning user_id', [id]);
  const { rows: moved } = await client.query(
    `update customer c set ownership = 'pool', owner_id = null, team_id = null, updated_at = $2, version = version + 1 where id = $1
     returning ${ownershipDocumentSql(ownershipColumnsOf('c', "'[]'::jsonb"))} as after, version`,
    [id, nowText],
  );
  for (const { user_id } of lost) {
    await client.query("insert into ownership_event (customer_id, owner_id, action, actor_id, occurred_at, reason) values ($1, $2, 'remove', null, $3, $4)", [
      id, user_id, nowText, `${run.rule.name['zh-CN']} / ${run.rule.name.en}`,
    ]);
    await client.query(
      `insert into recycled_customer (customer_id, owner_id, rule_id, rule_version, recycled_at, claimable_at)
       values ($1, $2, $3, $4, $5, $5::timestamptz + make_interval(days => $6))`,
      [id, user_id, run.rule.id, run.ruleVersion, nowText, run.rule.recycle?.coolDownDays ?? 0],
    );
  }
  const why = { kind: 'reason', code: 'recycled', rule: { id: run.rule.id, version: run.ruleVersion }, words: run.reason };
  await client.query(
    `insert into audit_entry (entity, record_id, customer_id, action, actor_id, at, before, after, why) values ('customer', $1, $1, 'recycle', null, $2, $3, $4, $5)`,
    [id, nowText, before, moved[0].after, JSON.stringify(why)],
  );
  const notify = run.rule.effects.find((effect) => effect.type === 'notify')!;
  const effect = { ...notify, params: { ...notify.params, to: [{ userId: String(_row['owner_id']) }] } };
  await client.query(
    `insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at) values ('effect.notify', $1, $2, 'pending', 0, $3, $3)`,
    [
      JSON.stringify({ entity: 'customer', recordId: id, actorId: null, effect, rule: { id: run.rule.id, version: run.ruleVersion }, formerOwnerIds: lost.map((l) => Number(l.user_id)) }),
      `customer:${id}:v${moved[0].version}:recycle:${run.rule.id}:1`,
      nowText,
    ],
  );
}

/**
 * The sweep of recycle-potential-no-contact as a person would write it: the rule's condition typed out (potential,
 * personal, 15 calendar days in Shanghai without a contact — or none since creation — and no deal), the same writes.
 * The ownership document expression is shared with the compiled statement: both must write the API's fields.
 */
function handWrittenSweep(notify: unknown) {
  const localDay = (instant: string) => `((${instant}) at time zone 'Asia/Shanghai')::date`;
  const before = ownershipDocumentSql({ ...ownershipColumnsOf('k', "coalesce(f.owners, '[]'::jsonb)"), version: 'c.version - 1' });
  const after = ownershipDocumentSql(ownershipColumnsOf('c', "'[]'::jsonb"));
  const sql = `
    with candidates as materialized (
      select c.ctid as row_id, c.id, c.owner_id, c.ownership, c.team_id, c.updated_at
      from customer c
      where c.deleted_at is null and c.stage = 'potential' and c.ownership = 'personal'
        and (${localDay('$1::timestamptz')} - ${localDay('c.last_contact_at')} >= 15
             or (c.last_contact_at is null and ${localDay('$1::timestamptz')} - ${localDay('c.created_at')} >= 15))
        and not c.total_deal_amount > 0
      for update of c skip locked
    ),
    moved as (
      update customer c set ownership = 'pool', owner_id = null, team_id = null, updated_at = $1, version = c.version + 1
      where c.ctid = any(array(select row_id from candidates))
      returning c.id, c.version, c.ownership, c.owner_id, c.team_id, c.updated_at
    ),
    lost as (delete from customer_owner o using moved c where o.customer_id = c.id returning o.customer_id, o.user_id, o.role, o.since),
    former as (
      select customer_id, jsonb_agg(user_id order by user_id) as owner_ids, ${customerOwnersAggregateSql('lost')} as owners
      from lost group by customer_id
    ),
    history as (
      insert into ownership_event (customer_id, owner_id, action, actor_id, occurred_at, reason)
      select customer_id, user_id, 'remove', null, $1, $2 from lost
    ),
    cooling as (
      insert into recycled_customer (customer_id, owner_id, rule_id, rule_version, recycled_at, claimable_at)
      select customer_id, user_id, 'recycle-potential-no-contact', 1, $1, $1 + interval '7 days' from lost
    ),
    audited as (
      insert into audit_entry (entity, record_id, customer_id, action, actor_id, at, before, after, why, request_id)
      select 'customer', c.id, c.id, 'recycle', null, $1, ${before}, ${after}, $3::jsonb, null
      from moved c join candidates k on k.id = c.id left join former f on f.customer_id = c.id
    ),
    effects as (
      insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
      select 'effect.notify', jsonb_build_object('entity', 'customer', 'recordId', c.id, 'actorId', null,
               'effect', jsonb_set($4::jsonb, '{params,to,0}', jsonb_build_object('userId', k.owner_id::text)),
               'rule', '{"id": "recycle-potential-no-contact", "version": 1}'::jsonb,
               'formerOwnerIds', f.owner_ids),
             'customer:' || c.id || ':v' || c.version || ':recycle:recycle-potential-no-contact:1', 'pending', 0, $1, $1
      from moved c join candidates k on k.id = c.id join former f on f.customer_id = c.id
    )
    select count(*)::int as moved from moved`;
  return {
    sql,
    params: (now: Date, reason: unknown) => [
      now.toISOString(),
      '潜在客户15 天无联系记录自动回收 / Recycle potential customers after 15 days without a contact record',
      JSON.stringify({ kind: 'reason', code: 'recycled', rule: { id: 'recycle-potential-no-contact', version: 1 }, words: reason }),
      JSON.stringify(notify),
    ],
  };
}
