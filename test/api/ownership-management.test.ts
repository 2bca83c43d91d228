import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { addUser, poolCustomer, sessionFor, teamId } from '../support/ownership-fixtures.ts';
import { api, installGenericTemplate, tableSnapshot, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookie: Record<string, string> = {};
const user: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('ownership_management');
  await installGenericTemplate(app);
  cookie.admin = await signIn(app, 'admin');
  for (const login of ['manager.wang', 'rep.li', 'rep.zhang']) {
    user[login] = await userIdOf(app, login);
    cookie[login] = await sessionFor(app, user[login]!);
  }
  const south = await teamId(app, '华南销售组');
  for (const [login, role] of [['manager.zhou', 'manager'], ['rep.zhao', 'rep']] as const) {
    user[login] = await addUser(app, { login, role, teamId: south });
    cookie[login] = await sessionFor(app, user[login]!);
  }
});
afterAll(async () => {
  await app?.close();
});

const query = async (sql: string, params: unknown[] = []) => (await app.schema.pool.query(sql, params)).rows;
const post = (who: string, path: string, body: unknown = {}) => api(app, 'POST', path, { cookie: cookie[who], body });

/** A target-stage pool customer claimed by `who`. */
async function claimedBy(who: string): Promise<number> {
  const id = await poolCustomer(app, cookie.admin!);
  const claimed = await post(who, '/api/customers/claims', { customerIds: [id] });
  expect(claimed.body.results[0].outcome).toBe('claimed');
  return id;
}

async function ownersOf(id: number) {
  return query('select user_id::int as "userId", role from customer_owner where customer_id = $1 order by role desc, user_id', [id]);
}

describe('releasing to the pool', () => {
  it('lets the owner release their customer: no owner, no owner rows, a release history row', async () => {
    const id = await claimedBy('rep.li');
    const released = await post('rep.li', `/api/customers/${id}/release`, { reason: '没有需求' });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ id, ownership: 'pool', ownerId: null, owners: [], teamId: null });
    expect(await ownersOf(id)).toEqual([]);
    expect(await query("select owner_id::int, reason from ownership_event where customer_id = $1 and action = 'release'", [id])).toEqual([
      { owner_id: user['rep.li'], reason: '没有需求' },
    ]);
    const again = await post('rep.li', `/api/customers/${id}/release`);
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('https://stagecraft.dev/problems/in-pool');
  });

  it('lets the owner’s manager release it, hides it from another rep (404), and follows the stage’s permission table', async () => {
    const id = await claimedBy('rep.li');
    expect((await post('rep.zhang', `/api/customers/${id}/release`)).status).toBe(404);
    expect((await post('manager.zhou', `/api/customers/${id}/release`)).status).toBe(404);
    expect((await post('manager.wang', `/api/customers/${id}/release`)).status).toBe(200);

    // A reserve customer of her own: the generic definition gives reps no `release` there.
    const reserve = await api(app, 'POST', '/api/customers', { cookie: cookie['rep.li'], body: { name: '李娜的储备客户' } });
    const refused = await post('rep.li', `/api/customers/${reserve.body.id}/release`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('Reserve customer');
    expect((await query('select ownership from customer where id = $1', [reserve.body.id]))[0].ownership).toBe('personal');
  });
});

describe('reassigning and removing claims', () => {
  it('refuses reps with 403 before looking at the customer, and another team’s manager with 404', async () => {
    const id = await claimedBy('rep.li');
    for (const path of [`/api/customers/${id}/reassign`, '/api/customers/999999/reassign']) {
      const response = await post('rep.zhang', path, { toUserId: user['rep.zhang'] });
      expect(response.status).toBe(403);
      expect(response.body.type).toBe('https://stagecraft.dev/problems/forbidden');
    }
    const other = await post('manager.zhou', `/api/customers/${id}/reassign`, { toUserId: user['rep.zhao'] });
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('公海客户');
    expect((await post('rep.zhang', `/api/customers/${id}/remove-claim`)).status).toBe(403);
    expect((await post('manager.zhou', `/api/customers/${id}/remove-claim`)).status).toBe(404);
    expect(await ownersOf(id)).toEqual([{ userId: user['rep.li'], role: 'primary' }]);
  });

  it('lets a manager reassign within their team only, keeping the history and telling both reps', async () => {
    const id = await claimedBy('rep.li');
    const outside = await post('manager.wang', `/api/customers/${id}/reassign`, { toUserId: user['rep.zhao'] });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ path: '/toUserId' })]);

    const moved = await post('manager.wang', `/api/customers/${id}/reassign`, { toUserId: user['rep.zhang'], reason: '李娜休假' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ ownership: 'personal', ownerId: user['rep.zhang'], owners: [{ userId: user['rep.zhang'], role: 'primary' }] });
    expect((await api(app, 'GET', `/api/customers/${id}`, { cookie: cookie['rep.li'] })).status).toBe(404);
    expect((await post('manager.wang', `/api/customers/${id}/reassign`, { toUserId: user['rep.zhang'] })).status).toBe(409);
    const notices = await query("select payload->'effect'->'params'->'to' as to from outbox where topic = 'effect.notify' and payload->>'recordId' = $1::text order by id", [id]);
    expect(notices.map((row) => row.to)).toEqual([[{ userId: String(user['rep.li']) }], [{ userId: String(user['rep.zhang']) }]]);

    // Administrators reassign anything to anyone active, across teams.
    const across = await post('admin', `/api/customers/${id}/reassign`, { toUserId: user['rep.zhao'] });
    expect(across.status).toBe(200);
    expect(across.body.teamId).toBe((await query("select id::int from team where name = '华南销售组'"))[0].id);
  });

  it('lets a manager remove a claim: back to the pool, each owner losing it as a `remove` row', async () => {
    const id = await claimedBy('rep.li');
    const removed = await post('manager.wang', `/api/customers/${id}/remove-claim`, { reason: '超过 15 天未跟进' });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ ownership: 'pool', ownerId: null, owners: [] });
    expect(await query("select owner_id::int, actor_id::int from ownership_event where customer_id = $1 and action = 'remove'", [id])).toEqual([
      { owner_id: user['rep.li'], actor_id: user['manager.wang'] },
    ]);
    expect((await post('manager.wang', `/api/customers/${id}/remove-claim`)).status).toBe(409);
  });
});

describe('collaborators', () => {
  it('makes a customer collaborative with a second owner and personal again without', async () => {
    const id = await claimedBy('rep.li');
    // The generic definition keeps `share` for managers (seed 001: managers coordinate shared customers).
    const byRep = await post('rep.li', `/api/customers/${id}/collaborators`, { userId: user['rep.zhang'] });
    expect(byRep.status).toBe(403);
    expect((await post('manager.zhou', `/api/customers/${id}/collaborators`, { userId: user['rep.zhao'] })).status).toBe(404);
    expect((await post('manager.wang', `/api/customers/${id}/collaborators`, { userId: user['rep.zhao'] })).status).toBe(400);

    const added = await post('manager.wang', `/api/customers/${id}/collaborators`, { userId: user['rep.zhang'] });
    expect(added.status).toBe(200);
    expect(added.body.ownership).toBe('collaborative');
    expect(await ownersOf(id)).toEqual([
      { userId: user['rep.li'], role: 'primary' },
      { userId: user['rep.zhang'], role: 'collaborator' },
    ]);
    expect((await api(app, 'GET', `/api/customers/${id}`, { cookie: cookie['rep.zhang'] })).status).toBe(200);
    expect((await post('manager.wang', `/api/customers/${id}/collaborators`, { userId: user['rep.zhang'] })).status).toBe(409);

    expect((await api(app, 'DELETE', `/api/customers/${id}/collaborators/${user['rep.li']}`, { cookie: cookie['manager.wang'] })).status).toBe(409);
    expect((await api(app, 'DELETE', `/api/customers/${id}/collaborators/${user['rep.zhao']}`, { cookie: cookie['manager.wang'] })).status).toBe(404);
    // A collaborator may leave on their own.
    const left = await api(app, 'DELETE', `/api/customers/${id}/collaborators/${user['rep.zhang']}`, { cookie: cookie['rep.zhang'] });
    expect(left.status).toBe(200);
    expect(left.body.ownership).toBe('personal');
    expect(await ownersOf(id)).toEqual([{ userId: user['rep.li'], role: 'primary' }]);
  });

  it('promotes a collaborator made primary owner by a reassignment', async () => {
    const id = await claimedBy('rep.li');
    await post('manager.wang', `/api/customers/${id}/collaborators`, { userId: user['rep.zhang'] });
    const moved = await post('manager.wang', `/api/customers/${id}/reassign`, { toUserId: user['rep.zhang'] });
    expect(moved.status).toBe(200);
    expect(moved.body.ownership).toBe('personal');
    expect(await ownersOf(id)).toEqual([{ userId: user['rep.zhang'], role: 'primary' }]);
  });
});

describe('ownership history', () => {
  it('lists every change in order, with who did it, to anyone who sees the customer and nobody else', async () => {
    const id = await poolCustomer(app, cookie.admin!);
    await post('rep.li', '/api/customers/claims', { customerIds: [id], reason: '意向强' });
    await post('manager.wang', `/api/customers/${id}/collaborators`, { userId: user['rep.zhang'] });
    await post('manager.wang', `/api/customers/${id}/reassign`, { toUserId: user['manager.wang'] });
    await post('manager.wang', `/api/customers/${id}/release`);
    const history = await api(app, 'GET', `/api/customers/${id}/ownership-history`, { cookie: cookie['rep.zhao'] });
    expect(history.status).toBe(200);
    const li = user['rep.li'];
    const zhang = user['rep.zhang'];
    const wang = user['manager.wang'];
    expect(history.body.items.map((row: Record<string, unknown>) => [row.action, row.ownerId, row.actorId])).toEqual([
      ['create', null, (await query("select id::int from app_user where login = 'admin'"))[0].id],
      ['claim', li, li],
      ['assign', zhang, wang],
      ['remove', li, wang],
      ['assign', wang, wang],
      ['release', wang, wang],
      ['release', zhang, wang],
    ]);
    expect(history.body.items[1].reason).toBe('意向强');
    const paged = await api(app, 'GET', `/api/customers/${id}/ownership-history?limit=4`, { cookie: cookie['rep.zhao'] });
    const rest = await api(app, 'GET', `/api/customers/${id}/ownership-history?cursor=${paged.body.nextCursor}`, { cookie: cookie['rep.zhao'] });
    expect([...paged.body.items, ...rest.body.items]).toEqual(history.body.items);

    const mine = await claimedBy('rep.li');
    expect((await api(app, 'GET', `/api/customers/${mine}/ownership-history`, { cookie: cookie['rep.zhang'] })).status).toBe(404);
  });
});

describe('bad bodies', () => {
  const badIds = fc.oneof(
    fc.constant([]),
    fc.constant([1, 1]),
    fc.constant(Array.from({ length: 101 }, (_, i) => i + 1)),
    fc.array(fc.oneof(fc.constant(0), fc.constant(-3), fc.constant(1.5), fc.string(), fc.constant(null)), { minLength: 1, maxLength: 3 }),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  );
  const badReason = fc.oneof(fc.constant(''), fc.constant('  '), fc.integer(), fc.string({ minLength: 501, maxLength: 520 }));
  const extraKey = fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !['customerIds', 'reason', 'toUserId', 'userId', '__proto__'].includes(key));
  const badUserId = fc.oneof(fc.constant(0), fc.constant(-1), fc.constant(2.5), fc.string(), fc.constant(null));

  it('answers 400 problem+json naming the failing paths, and changes no row', async () => {
    const id = await claimedBy('rep.li');
    const before = await tableSnapshot(app);
    const cases = fc.oneof(
      badIds.map((customerIds) => ({ path: '/api/customers/claims', body: { customerIds }, at: '/customerIds' })),
      badReason.map((reason) => ({ path: '/api/customers/claims', body: { customerIds: [id], reason }, at: '/reason' })),
      extraKey.map((key) => ({ path: `/api/customers/${id}/release`, body: { [key]: 1 }, at: '' })),
      badReason.map((reason) => ({ path: `/api/customers/${id}/remove-claim`, body: { reason }, at: '/reason' })),
      badUserId.map((toUserId) => ({ path: `/api/customers/${id}/reassign`, body: { toUserId }, at: '/toUserId' })),
      badUserId.map((userId) => ({ path: `/api/customers/${id}/collaborators`, body: { userId }, at: '/userId' })),
      fc.constantFrom([], [1], [{ toUserId: 1 }]).map((body) => ({ path: `/api/customers/${id}/reassign`, body, at: '' })),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ path, body, at }) => {
        const response = await api(app, 'POST', path, { cookie: cookie.admin, body: JSON.stringify(body) });
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.errors.length).toBeGreaterThan(0);
        for (const error of response.body.errors) expect(error.path.startsWith(at)).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(await tableSnapshot(app)).toEqual(before);
  });
});

describe('invariants under random interleavings', () => {
  it('keeps pool ⇔ no owner ⇔ no owner rows, one primary otherwise, and claims per rep per day within the quota', async () => {
    const reps = ['rep.li', 'rep.zhang', 'manager.wang'] as const;
    const customers = [await poolCustomer(app, cookie.admin!), await poolCustomer(app, cookie.admin!), await poolCustomer(app, cookie.admin!)];
    const step = fc.record({
      who: fc.constantFrom(...reps),
      op: fc.constantFrom('claim', 'release'),
      customers: fc.subarray(customers, { minLength: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const responses = await Promise.all(
          steps.map(({ who, op, customers: ids }) =>
            op === 'claim'
              ? post(who, '/api/customers/claims', { customerIds: ids })
              : post(who, `/api/customers/${ids[0]}/release`),
          ),
        );
        for (const response of responses) expect(response.status).toBeLessThan(500);
        const broken = await query(
          `select c.id from customer c
           where c.id = any($1::bigint[]) and not (
             ((c.ownership = 'pool') = (c.owner_id is null))
             and ((c.ownership = 'pool') = not exists (select 1 from customer_owner o where o.customer_id = c.id))
             and (c.ownership = 'pool' or exists (select 1 from customer_owner o where o.customer_id = c.id and o.user_id = c.owner_id and o.role = 'primary'))
             and ((c.ownership = 'personal') = ((select count(*) from customer_owner o where o.customer_id = c.id) = 1)))`,
          [customers],
        );
        expect(broken).toEqual([]);
        const overQuota = await query(
          `select e.owner_id from ownership_event e join app_user u on u.id = e.owner_id
           join role r on r.key = u.role_key
           where e.action = 'claim'
           group by e.owner_id, (e.occurred_at at time zone u.time_zone)::date, r.document
           having count(*) > coalesce((r.document->>'claimQuotaPerDay')::int, 20)`,
        );
        expect(overQuota).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
