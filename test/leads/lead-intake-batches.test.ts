import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneLockName } from '../../api/customers/customer-dedupe.ts';
import { call } from '../support/people-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';
import { createReps, publishPolicy, singleRulePolicy, startLeadsStage } from './lead-fixtures.ts';
import { contactForm, defineForm, submit } from './web-form-fixtures.ts';

let app: TestApp;
let admin: string;
let li: string;
let zhang: string;
let ids: Record<string, number>;

beforeAll(async () => {
  ({ app, admin, li, zhang, ids } = await startLeadsStage('lead-intake-batches'));
  // A rule the application does not know of, so a lead can fail at insert time after passing every check.
  await app.schema.pool.query("alter table lead add constraint lead_not_unwritable check (name <> 'unwritable')");
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const postLead = (cookie: string, policy: string, name: string, phone: string) =>
  call(app, 'POST', '/api/leads', { cookie, body: { name, phone, source: 'event', routingPolicy: policy } });

/** Waits until a statement of the app's waits for a lock the test's connection `pid` holds. */
async function untilBlockedBy(pid: number): Promise<void> {
  for (let waited = 0; ; waited += 10) {
    const { rows } = await app.schema.pool.query('select 1 from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [pid]);
    if (rows.length > 0) return;
    if (waited > 10_000) throw new Error('no statement of the app came to wait for the held lock');
    await sleep(10);
  }
}

/** A connection of the test's, in a transaction holding the dedupe lock of `phone`, as another process would. */
async function holdDedupeLock(phone: string) {
  const client = await app.schema.pool.connect();
  await client.query('begin');
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [phoneLockName(phone)]);
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  return {
    client,
    pid: rows[0]!.pid,
    async commit() {
      try {
        await client.query('commit');
      } finally {
        client.release();
      }
    },
  };
}

/**
 * Makes the leads `burst` posts go to `policy` in one batch: the test holds the dedupe lock of a first lead's phone,
 * so that lead's batch waits on it; the burst's leads arrive meanwhile and queue for the next batch, which starts
 * once the lock is let go. The first lead is counted by the caller.
 */
async function inOneBatch<T>(policy: string, gatePhone: string, burst: () => Promise<T>): Promise<{ gate: Awaited<ReturnType<typeof call>>; burst: T }> {
  const lock = await holdDedupeLock(gatePhone);
  const first = postLead(admin, policy, 'gate', gatePhone);
  let rest: Promise<T>;
  try {
    await untilBlockedBy(lock.pid);
    rest = burst();
    // The burst's requests need a moment to pass validation and join the queue; nothing in the batch can start sooner.
    await sleep(500);
  } finally {
    await lock.commit();
  }
  return { gate: await first, burst: await rest };
}

/** Leads of a policy by the transaction that wrote them: leads committed together share their `xmin`. */
async function batchSizes(policy: string): Promise<number[]> {
  const { rows } = await app.schema.pool.query<{ n: number }>(
    "select count(*)::int as n from lead where assignment->>'policyKey' = $1 group by xmin::text order by n desc",
    [policy],
  );
  return rows.map((row) => row.n);
}

describe('lead intake in batches', () => {
  it('takes one of twenty leads with the same phone posted together and refuses the other nineteen as its duplicates', async () => {
    const { gate, burst } = await inOneBatch('to-li', '13910000000', () =>
      Promise.all(Array.from({ length: 20 }, (_, i) => postLead(admin, 'to-li', `同号 ${i}`, '139 1000 0001'))),
    );
    expect(gate.status).toBe(201);
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const kept = burst.find((response) => response.status === 201)!.json();
    for (const refused of burst.filter((response) => response.status === 409)) {
      expect(refused.json()).toMatchObject({ existing: { entity: 'lead', id: kept.id }, errors: [{ path: '/phone' }] });
    }
    const { rows } = await app.schema.pool.query("select id::int as id from lead where phone_normalized = '13910000001'");
    expect(rows).toEqual([{ id: kept.id }]);
    const { rows: audits } = await app.schema.pool.query("select 1 from audit_entry where entity = 'lead' and action = 'create' and record_id = $1", [kept.id]);
    expect(audits).toHaveLength(1);
  });

  it('names the lead a later one in the same batch duplicates only to a caller who may see it', async () => {
    const { burst } = await inOneBatch('to-li', '13910000010', async () => {
      const first = postLead(admin, 'to-li', '先到', '13910000011');
      await sleep(50);
      const others = [postLead(zhang, 'to-li', '后到 张', '13910000011'), postLead(li, 'to-li', '后到 李', '13910000011')];
      return [await first, ...(await Promise.all(others))];
    });
    const [first, byZhang, byLi] = burst;
    expect(first!.status).toBe(201);
    expect(first!.json().ownerId).toBe(ids['rep.li']);
    // rep.zhang may not see rep.li's lead: told that it exists, not which; rep.li, its owner, is told which.
    expect(byZhang!.status).toBe(409);
    expect(byZhang!.json().existing).toBeUndefined();
    expect(byLi!.status).toBe(409);
    expect(byLi!.json().existing).toEqual({ entity: 'lead', id: first!.json().id });
  });

  it('keeps least-loaded balanced within one batch: 40 leads to four reps with no leads give ten each', async () => {
    const reps = await createReps(app, admin, ['赵 Zhao', '钱 Qian', '孙 Sun', '李 Li'], 'least');
    await publishPolicy(app, admin, singleRulePolicy('batch-least-loaded', { type: 'leastLoaded', measure: 'openLeads', candidates: { users: reps.map(String) } }));
    const { gate, burst } = await inOneBatch('batch-least-loaded', '13920000000', () =>
      Promise.all(Array.from({ length: 39 }, (_, i) => postLead(admin, 'batch-least-loaded', `均衡 ${i}`, `139200001${String(i).padStart(2, '0')}`))),
    );
    expect([gate, ...burst].filter((response) => response.status !== 201)).toEqual([]);
    const { rows } = await app.schema.pool.query<{ owner_id: string; n: number }>(
      "select owner_id, count(*)::int as n from lead where assignment->>'policyKey' = 'batch-least-loaded' group by owner_id",
    );
    expect(Object.fromEntries(rows.map((row) => [row.owner_id, row.n]))).toEqual(Object.fromEntries(reps.map((id) => [String(id), 10])));
    // The burst really was decided in one transaction: without counting each lead into its owner's load, one rep
    // would have taken all of it.
    expect((await batchSizes('batch-least-loaded'))[0]).toBeGreaterThanOrEqual(20);
  });

  it('writes no part of a batch whose transaction fails, and takes its other leads in one by one', async () => {
    const reps = await createReps(app, admin, ['周 Zhou', '吴 Wu', '郑 Zheng'], 'isolated');
    await publishPolicy(app, admin, singleRulePolicy('batch-isolation', { type: 'roundRobin', candidates: { users: reps.map(String) } }));
    const names = Array.from({ length: 11 }, (_, i) => (i === 5 ? 'unwritable' : `隔离 ${i}`));
    const { gate, burst } = await inOneBatch('batch-isolation', '13930000000', () =>
      Promise.all(names.map((name, i) => postLead(admin, 'batch-isolation', name, `139300000${String(i + 10)}`))),
    );
    expect(gate.status).toBe(201);
    expect(burst.map((response) => response.status)).toEqual(names.map((name) => (name === 'unwritable' ? 500 : 201)));
    const { rows } = await app.schema.pool.query<{ name: string; owner_id: string }>(
      "select name, owner_id from lead where assignment->>'policyKey' = 'batch-isolation' order by id",
    );
    expect(rows.map((row) => row.name).sort()).toEqual(['gate', ...names.filter((name) => name !== 'unwritable')].sort());
    // Each kept lead committed on its own, after the batch that held them all was rolled back.
    expect(await batchSizes('batch-isolation')).toEqual(Array.from({ length: 11 }, () => 1));
    // The rolled-back batch left the round-robin cursor where it was: eleven leads, three reps, turns unbroken.
    const counts = reps.map((id) => rows.filter((row) => Number(row.owner_id) === id).length);
    expect(counts).toEqual([4, 4, 3]);
    const { rows: orphans } = await app.schema.pool.query(
      "select 1 from audit_entry a where a.entity = 'lead' and not exists (select 1 from lead l where l.id = a.record_id)",
    );
    expect(orphans).toEqual([]);
  });

  it('refuses a lead whose duplicate another process commits while the batch waits for the dedupe lock', async () => {
    const other = await holdDedupeLock('13950000001');
    let posted: ReturnType<typeof postLead>;
    try {
      await other.client.query(
        `insert into lead (name, phone, phone_normalized, source, status, ownership, machine_snapshot, definition_key, definition_version, created_at, updated_at)
         values ('另一进程', '13950000001', '13950000001', 'event', 'new', 'pool', '{}', 'lead-qualification', 1, now(), now())`,
      );
      posted = postLead(admin, 'to-li', '稍后', '139 5000 0001');
      // The batch's read has taken its snapshot and waits for the lock; the other lead commits only now, unseen by it.
      await untilBlockedBy(other.pid);
    } finally {
      await other.commit();
    }
    const refused = await posted;
    expect(refused.status).toBe(409);
    const { rows } = await app.schema.pool.query<{ id: number }>("select id::int as id from lead where phone_normalized = '13950000001'");
    expect(rows).toHaveLength(1);
    expect(refused.json().existing).toEqual({ entity: 'lead', id: rows[0]!.id });
  });

  it("decides again from another process's routing state committed while the batch was writing", async () => {
    const reps = await createReps(app, admin, ['冯 Feng', '陈 Chen', '褚 Chu'], 'stale');
    await publishPolicy(app, admin, singleRulePolicy('stale-state', { type: 'roundRobin', candidates: { users: reps.map(String) } }));
    expect((await postLead(admin, 'stale-state', '第一', '13960000001')).json().ownerId).toBe(reps[0]);
    // Another process gives a lead to the second rep: its transaction moves the turn on and holds the state row.
    const other = await app.schema.pool.connect();
    let posted: ReturnType<typeof postLead>;
    try {
      await other.query('begin');
      const { rows } = await other.query<{ state: { cursors: Record<string, string> } }>("select state from routing_state where policy_key = 'stale-state' for update");
      const state = rows[0]!.state;
      for (const key of Object.keys(state.cursors)) if (state.cursors[key] === String(reps[0])) state.cursors[key] = String(reps[1]);
      await other.query("update routing_state set state = $1, version = version + 1 where policy_key = 'stale-state'", [state]);
      const { rows: pids } = await other.query<{ pid: number }>('select pg_backend_pid() as pid');
      // This lead's batch reads the turn before the other commits (the first rep's), and its write waits for the row.
      posted = postLead(admin, 'stale-state', '第二', '13960000002');
      await untilBlockedBy(pids[0]!.pid);
      await other.query('commit');
    } finally {
      other.release();
    }
    const second = await posted;
    expect(second.status).toBe(201);
    expect(second.json().ownerId).toBe(reps[2]);
  });

  it('takes one of ten submissions of one phone to a form in one batch and notes the other nine on it', async () => {
    await defineForm(app, admin, contactForm('batch-form', { routingPolicy: 'to-li' }));
    const { burst } = await inOneBatch('to-li', '13940000000', () =>
      Promise.all(Array.from({ length: 10 }, (_, i) => submit(app, 'batch-form', { name: `表单 ${i}`, phone: '13940000001' }))),
    );
    expect(burst.map((response) => response.status)).toEqual(Array.from({ length: 10 }, () => 202));
    const { rows } = await app.schema.pool.query<{ id: number }>("select id::int as id from lead where phone_normalized = '13940000001'");
    expect(rows).toHaveLength(1);
    const { rows: notes } = await app.schema.pool.query("select record_id::int as id from audit_entry where action = 'webFormResubmitted'");
    expect(notes).toEqual(Array.from({ length: 9 }, () => ({ id: rows[0]!.id })));
  });
});
