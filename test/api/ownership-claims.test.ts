import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimQuotaOf } from '../../api/ownership/claim-quota.ts';
import { signIn } from '../support/people-fixtures.ts';
import { addUser, copiesOf, poolCustomer, sessionFor, teamId } from '../support/ownership-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let admin: string;
let eastTeam: number;

beforeAll(async () => {
  app = await startTestApp('ownership_claims');
  await installGenericTemplate(app);
  admin = await signIn(app, 'admin');
  eastTeam = await teamId(app, '华东销售组');
});
afterAll(async () => {
  await app?.close();
});

/** A fresh rep of the east team with a session: `{ id, cookie }`. */
async function newRep(login: string, timeZone = 'Asia/Shanghai') {
  const id = await addUser(app, { login, role: 'rep', teamId: eastTeam, timeZone });
  return { id, cookie: await sessionFor(app, id) };
}

async function claim(cookie: string, customerIds: number[], reason?: string) {
  return api(app, 'POST', '/api/customers/claims', { cookie, body: { customerIds, ...(reason === undefined ? {} : { reason }) } });
}

const query = async (sql: string, params: unknown[] = []) => (await app.schema.pool.query(sql, params)).rows;

describe('claiming from the pool', () => {
  it('makes a pool customer the claimer’s personal customer, with its owner row, history row and audit entry', async () => {
    const rep = await newRep('rep.claim.one');
    const id = await poolCustomer(app, admin);
    const response = await claim(rep.cookie, [id], '客户主动来电');
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([{ customerId: id, outcome: 'claimed' }]);
    expect(response.body.quota).toMatchObject({ limit: 20, usedToday: 1, remaining: 19, timeZone: 'Asia/Shanghai' });

    const [customer] = await query('select ownership, owner_id::int, team_id::int, version from customer where id = $1', [id]);
    expect(customer).toEqual({ ownership: 'personal', owner_id: rep.id, team_id: eastTeam, version: 2 });
    expect(await query('select user_id::int, role from customer_owner where customer_id = $1', [id])).toEqual([{ user_id: rep.id, role: 'primary' }]);
    expect(await query("select owner_id::int, actor_id::int, reason from ownership_event where customer_id = $1 and action = 'claim'", [id])).toEqual([
      { owner_id: rep.id, actor_id: rep.id, reason: '客户主动来电' },
    ]);
    const [audit] = await query("select before->>'ownership' as before, after->>'ownership' as after, why from audit_entry where record_id = $1 and action = 'claim'", [id]);
    expect(audit).toEqual({ before: 'pool', after: 'personal', why: { kind: 'reason', code: 'claimed', text: '客户主动来电' } });
    expect((await api(app, 'GET', `/api/customers/${id}`, { cookie: rep.cookie })).body.ownerId).toBe(rep.id);
  });

  it('judges each customer of a batch on its own: claimed, already yours, not in the pool, stage forbids, quota exceeded', async () => {
    const rep = await newRep('rep.claim.batch');
    const other = await newRep('rep.claim.other');
    const [mine, othersOne, reserve, free1, free2] = [
      await poolCustomer(app, admin),
      await poolCustomer(app, admin),
      await poolCustomer(app, admin, 'reserve'),
      await poolCustomer(app, admin),
      await poolCustomer(app, admin),
    ] as number[];
    expect((await claim(rep.cookie, [mine!])).body.results[0].outcome).toBe('claimed');
    expect((await claim(other.cookie, [othersOne!])).body.results[0].outcome).toBe('claimed');
    // 18 claims earlier today leave room for one more after `mine`.
    await app.schema.pool.query(
      "insert into ownership_event (customer_id, owner_id, action, actor_id, occurred_at) select 0, $1, 'claim', $1, now() from generate_series(1, 18)",
      [rep.id],
    );
    const response = await claim(rep.cookie, [mine!, othersOne!, 987654321, reserve!, free1!, free2!]);
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      { customerId: mine, outcome: 'alreadyYours' },
      { customerId: othersOne, outcome: 'notInPool' },
      { customerId: 987654321, outcome: 'notInPool' },
      // The generic definition gives reps no `claim` in the reserve stage (seed 001: reserve customers are selected, not claimed).
      { customerId: reserve, outcome: 'stageForbids' },
      { customerId: free1, outcome: 'claimed' },
      { customerId: free2, outcome: 'quotaExceeded' },
    ]);
    expect(response.body.quota).toMatchObject({ limit: 20, usedToday: 20, remaining: 0 });
    expect(await query('select ownership from customer where id = any($1) order by id', [[reserve, free2]])).toEqual([
      { ownership: 'pool' },
      { ownership: 'pool' },
    ]);
  });

  it('lets exactly one of 100 simultaneous claims of one customer win', async () => {
    const reps: Array<{ id: number; cookie: string }> = [];
    for (let index = 0; index < 20; index++) reps.push(await newRep(`rep.race.${index}`));
    const id = await poolCustomer(app, admin);
    // 20 reps, five requests each, all in flight at once: races between people and between one person's tabs.
    const responses = await Promise.all(Array.from({ length: 100 }, (_, index) => claim(reps[index % 20]!.cookie, [id])));
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(200));
    const outcomes = responses.map((response) => response.body.results[0].outcome as string);
    expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'claimed').every((outcome) => ['notInPool', 'alreadyYours'].includes(outcome))).toBe(true);

    const winner = reps[outcomes.indexOf('claimed') % 20]!;
    expect(await query("select owner_id::int from ownership_event where customer_id = $1 and action = 'claim'", [id])).toEqual([{ owner_id: winner.id }]);
    expect(await query('select ownership, owner_id::int, version from customer where id = $1', [id])).toEqual([
      { ownership: 'personal', owner_id: winner.id, version: 2 },
    ]);
    expect(await query('select user_id::int from customer_owner where customer_id = $1', [id])).toEqual([{ user_id: winner.id }]);
    expect(await query("select count(*)::int as n from audit_entry where record_id = $1 and action = 'claim'", [id])).toEqual([{ n: 1 }]);
  });

  it('never lets 30 simultaneous claims by one rep exceed the daily quota of 20', async () => {
    const rep = await newRep('rep.quota.race');
    const ids = await copiesOf(app, await poolCustomer(app, admin), 30);
    const responses = await Promise.all(ids.map((id) => claim(rep.cookie, [id])));
    const outcomes = responses.map((response) => response.body.results[0].outcome);
    expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(20);
    expect(outcomes.filter((outcome) => outcome === 'quotaExceeded')).toHaveLength(10);
    expect(await query("select count(*)::int as n from ownership_event where owner_id = $1 and action = 'claim'", [rep.id])).toEqual([{ n: 20 }]);
    expect(await query('select count(*)::int as n from customer where owner_id = $1', [rep.id])).toEqual([{ n: 20 }]);
    expect((await api(app, 'GET', '/api/me/claim-quota', { cookie: rep.cookie })).body).toMatchObject({ limit: 20, usedToday: 20, remaining: 0 });
  });
});

describe('the daily quota', () => {
  const dayMs = 86_400_000;
  const shanghaiOffset = 8 * 3_600_000;

  it('counts from midnight in the rep’s own time zone: a claim at 23:30 yesterday in Shanghai does not count today', async () => {
    const rep = await newRep('rep.quota.day', 'Asia/Shanghai');
    // Asia/Shanghai keeps UTC+8 all year, so its midnight is plain arithmetic, independent of the code under test.
    const midnight = Math.floor((Date.now() + shanghaiOffset) / dayMs) * dayMs - shanghaiOffset;
    const at = (ms: number) => new Date(ms).toISOString();
    for (const occurredAt of [at(midnight - 30 * 60_000), at(midnight - 1), at(midnight)]) {
      await app.schema.pool.query(
        "insert into ownership_event (customer_id, owner_id, action, actor_id, occurred_at) values (0, $1, 'claim', $1, $2)",
        [rep.id, occurredAt],
      );
    }
    // A release today is not a claim.
    await app.schema.pool.query("insert into ownership_event (customer_id, owner_id, action, actor_id, occurred_at) values (0, $1, 'release', $1, now())", [rep.id]);
    const quota = await api(app, 'GET', '/api/me/claim-quota', { cookie: rep.cookie });
    expect(quota.status).toBe(200);
    expect(quota.body).toEqual({ limit: 20, usedToday: 1, remaining: 19, resetsAt: at(midnight + dayMs), timeZone: 'Asia/Shanghai' });
  });

  it('places the same instants on different days for people in different zones, across a clock change', async () => {
    const userId = await userIdOf(app, 'rep.zhang');
    const claimAt = async (iso: string) =>
      app.schema.pool.query("insert into ownership_event (customer_id, owner_id, action, actor_id, occurred_at) values (0, $1, 'claim', $1, $2)", [userId, iso]);
    // 2026-03-08 is the day New York springs forward (a 23-hour day starting 05:00Z).
    await claimAt('2026-03-08T04:59:00Z'); // 23:59 on the 7th in New York; 12:59 on the 8th in Shanghai
    await claimAt('2026-03-08T05:00:00Z'); // 00:00 on the 8th in New York
    await claimAt('2026-03-08T16:30:00Z'); // 12:30 on the 8th in New York; 00:30 on the 9th in Shanghai
    const em = app.orm.em.fork();
    const at = new Date('2026-03-08T15:00:00Z');
    expect(await claimQuotaOf(em, { userId, timeZone: 'America/New_York', limit: 5 }, at)).toEqual({
      limit: 5,
      usedToday: 2,
      remaining: 3,
      resetsAt: '2026-03-09T04:00:00.000Z',
      timeZone: 'America/New_York',
    });
    expect(await claimQuotaOf(em, { userId, timeZone: 'Asia/Shanghai', limit: 5 }, at)).toMatchObject({
      usedToday: 2,
      resetsAt: '2026-03-08T16:00:00.000Z',
    });
    expect(await claimQuotaOf(em, { userId, timeZone: 'Asia/Shanghai', limit: 1 }, new Date('2026-03-08T17:00:00Z'))).toMatchObject({
      usedToday: 1,
      remaining: 0,
    });
  });
});
