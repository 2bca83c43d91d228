import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
let planted = 0;

/** Records written straight into the tables, so each test sets exactly the instant and the person counted. */
async function aCustomer(createdBy: number, createdAt: string, options: { deleted?: boolean } = {}): Promise<number> {
  planted += 1;
  const { rows } = await app.schema.pool.query(
    `insert into customer (name, name_key, stage, machine_snapshot, definition_key, definition_version, ownership, owner_id, created_by, created_at, deleted_at)
     values ($1, $1, 'target', '{}'::jsonb, 'customer-lifecycle', 1, 'personal', $2, $2, $3, $4) returning id::int as id`,
    [`回顾客户 ${planted}`, createdBy, createdAt, options.deleted === true ? createdAt : null],
  );
  return rows[0].id;
}

async function aContactRecord(customerId: number, authorId: number, occurredAt: string): Promise<void> {
  await app.schema.pool.query(
    `insert into contact_record (customer_id, channel, outcome, occurred_at, author_id) values ($1, 'call', 'reached', $2, $3)`,
    [customerId, occurredAt, authorId],
  );
}

async function anOpportunity(customerId: number, ownerId: number, createdAt: string, amount: string | null): Promise<void> {
  await app.schema.pool.query(
    `insert into opportunity (customer_id, name, stage, amount, owner_id, machine_snapshot, definition_key, definition_version, created_at)
     values ($1, $2, 'qualification', $3, $4, '{}'::jsonb, 'opportunity-funnel', 1, $5)`,
    [customerId, `商机 ${(planted += 1)}`, amount, ownerId, createdAt],
  );
}

async function anOrder(customerId: number, ownerId: number, createdAt: string, amount: string): Promise<void> {
  await app.schema.pool.query(
    `insert into sales_order (customer_id, order_number, status, amount, owner_id, machine_snapshot, definition_key, definition_version, created_at)
     values ($1, $2, 'pending', $3, $4, '{}'::jsonb, 'order-follow-up', 1, $5)`,
    [customerId, `RV${(planted += 1)}`, amount, ownerId, createdAt],
  );
}

async function activity(login: string, query: string) {
  const response = await api(app, 'GET', `/api/reviews/activity?${query}`, { cookie: cookies[login] });
  expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
  return response.body;
}

const rowOf = (body: any, login: string, bucket: string) => body.rows.find((row: any) => row.userId === ids[login] && row.bucket === bucket);

beforeAll(async () => {
  app = await startTestApp('review-activity');
  await installGenericTemplate(app);
  // Someone of another team, whose work a manager of 华东销售组 must not see.
  const { rows } = await app.schema.pool.query("insert into team (name) values ('华南销售组') returning id::int as id");
  await app.schema.pool.query(
    `insert into app_user (login, display_name, password_hash, role_key, team_id, time_zone, locale)
     select 'rep.chen', '陈静 Chen Jing', password_hash, 'rep', $1, 'Asia/Shanghai', 'zh-CN' from app_user where login = 'rep.li'`,
    [rows[0].id],
  );
  for (const login of ['rep.li', 'rep.zhang', 'rep.chen', 'manager.wang', 'admin']) {
    cookies[login] = await signIn(app, login);
    ids[login] = await userIdOf(app, login);
  }
  // The admin looks from New York: the same instants fall on other days there.
  await app.schema.pool.query("update app_user set time_zone = 'America/New_York' where login = 'admin'");

  const li = ids['rep.li']!;
  const zhang = ids['rep.zhang']!;
  // Shanghai is UTC+8: 2026-11-02 00:00 there is 2026-11-01T16:00Z.
  const a = await aCustomer(li, '2026-11-01T15:59:59.999Z'); // 1 Nov 23:59:59.999 in Shanghai
  const b = await aCustomer(li, '2026-11-01T16:00:00Z'); // 2 Nov 00:00 in Shanghai
  await aCustomer(li, '2026-11-03T02:00:00Z', { deleted: true }); // in the recycle bin: not counted
  const c = await aCustomer(zhang, '2026-11-03T02:00:00Z');
  await aContactRecord(a, li, '2026-11-01T16:00:00Z');
  await aContactRecord(a, li, '2026-11-02T15:59:59Z'); // still 2 Nov in Shanghai
  await aContactRecord(b, li, '2026-11-02T16:00:00Z'); // 3 Nov
  await aContactRecord(c, zhang, '2026-11-03T03:00:00Z');
  await anOpportunity(b, li, '2026-11-02T01:00:00Z', '1200.50');
  await anOpportunity(b, li, '2026-11-02T02:00:00Z', null);
  await anOrder(b, li, '2026-11-02T03:00:00Z', '999.99');
  await anOrder(c, zhang, '2026-11-09T03:00:00Z', '100.01'); // the next week (Monday 9 Nov)
  const chens = await aCustomer(ids['rep.chen']!, '2026-11-02T03:00:00Z');
  await aContactRecord(chens, ids['rep.chen']!, '2026-11-02T03:00:00Z');
});
afterAll(async () => {
  await app?.close();
});

describe('review activity counts', () => {
  it('puts each record in the day of the viewer’s time zone, split exactly at that zone’s midnight', async () => {
    const body = await activity('manager.wang', 'from=2026-11-01&to=2026-11-03&bucket=day');
    expect(body.timeZone).toBe('Asia/Shanghai');
    expect(body.buckets).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(rowOf(body, 'rep.li', '2026-11-01')).toEqual({
      userId: ids['rep.li'], bucket: '2026-11-01', newCustomers: 1, contactRecords: 0, opportunities: 0, opportunityAmount: '0.00', orders: 0, orderAmount: '0.00',
    });
    expect(rowOf(body, 'rep.li', '2026-11-02')).toEqual({
      userId: ids['rep.li'], bucket: '2026-11-02', newCustomers: 1, contactRecords: 2, opportunities: 2, opportunityAmount: '1200.50', orders: 1, orderAmount: '999.99',
    });
    expect(rowOf(body, 'rep.li', '2026-11-03')).toMatchObject({ newCustomers: 0, contactRecords: 1 });
    expect(rowOf(body, 'rep.zhang', '2026-11-03')).toMatchObject({ newCustomers: 1, contactRecords: 1, orders: 0 });
  });

  it('moves the same instants to other days for a viewer in another zone', async () => {
    const body = await activity('admin', 'from=2026-11-01&to=2026-11-02&bucket=day');
    expect(body.timeZone).toBe('America/New_York');
    // New York is UTC−5 from 1 Nov 2026 06:00Z: 1 Nov 15:59Z and 16:00Z are that morning, 2 Nov 01:00–03:00Z its evening.
    expect(rowOf(body, 'rep.li', '2026-11-01')).toMatchObject({ newCustomers: 2, contactRecords: 1, opportunities: 2, orders: 1, orderAmount: '999.99' });
    expect(rowOf(body, 'rep.li', '2026-11-02')).toMatchObject({ newCustomers: 0, contactRecords: 2 });
  });

  it('sums weeks from Monday and months from the 1st, counting only inside the period', async () => {
    const weeks = await activity('manager.wang', 'from=2026-11-02&to=2026-11-15&bucket=week');
    expect(weeks.buckets).toEqual(['2026-11-02', '2026-11-09']);
    // From 2 Nov: the customer made on 1 Nov (Shanghai) is outside the period.
    expect(rowOf(weeks, 'rep.li', '2026-11-02')).toMatchObject({ newCustomers: 1, contactRecords: 3, opportunities: 2, orders: 1 });
    expect(rowOf(weeks, 'rep.zhang', '2026-11-09')).toMatchObject({ orders: 1, orderAmount: '100.01' });
    const months = await activity('manager.wang', 'from=2026-10-15&to=2026-11-30&bucket=month');
    expect(months.buckets).toEqual(['2026-10-01', '2026-11-01']);
    expect(rowOf(months, 'rep.li', '2026-11-01')).toMatchObject({ newCustomers: 2, contactRecords: 3, opportunities: 2, opportunityAmount: '1200.50' });
    expect(rowOf(months, 'rep.li', '2026-10-01')).toMatchObject({ newCustomers: 0, contactRecords: 0 });
  });
});

describe('whose work a person reviews', () => {
  const peopleOf = (body: any) => body.people.map((person: any) => person.userId).sort();

  it('shows a rep only themself, a manager their team, an administrator everyone or one team', async () => {
    const query = 'from=2026-11-02&to=2026-11-02';
    expect(peopleOf(await activity('rep.li', query))).toEqual([ids['rep.li']]);
    const team = peopleOf(await activity('manager.wang', query));
    expect(team).toEqual([ids['manager.wang'], ids['rep.li'], ids['rep.zhang']].sort());
    // The administrator's day is New York's: rep.chen's work of 2 Nov 11:00 in Shanghai was on 1 Nov there.
    const everyone = await activity('admin', 'from=2026-11-01&to=2026-11-01');
    expect(peopleOf(everyone)).toContain(ids['rep.chen']);
    expect(rowOf(everyone, 'rep.chen', '2026-11-01')).toMatchObject({ newCustomers: 1, contactRecords: 1 });
    const { rows } = await app.schema.pool.query("select team_id::int as team from app_user where login = 'rep.chen'");
    expect(peopleOf(await activity('admin', `${query}&team=${rows[0].team}`))).toEqual([ids['rep.chen']]);
  });

  it('refuses a team that is not the manager’s, and any team to a rep', async () => {
    const { rows } = await app.schema.pool.query("select team_id::int as team from app_user where login = 'rep.chen'");
    for (const login of ['manager.wang', 'rep.li']) {
      const response = await call(app, 'GET', `/api/reviews/activity?from=2026-11-01&to=2026-11-02&team=${rows[0].team}`, { cookie: cookies[login] });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    }
  });
});

describe('bad review requests', () => {
  const pathsOf = async (query: string) => {
    const response = await call(app, 'GET', `/api/reviews/activity?${query}`, { cookie: cookies['rep.li'] });
    expect(response.status, response.text.slice(0, 300)).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    return response.json().errors.map((error: { path: string }) => error.path);
  };

  it('names the field at fault', async () => {
    expect(await pathsOf('to=2026-11-02')).toContain('/query/from');
    expect(await pathsOf('from=2026-02-30&to=2026-03-01')).toEqual(['/query/from']);
    expect(await pathsOf('from=2026-11-02&to=2026-11-01')).toEqual(['/query/to']);
    expect(await pathsOf('from=2025-01-01&to=2026-01-02')).toEqual(['/query/to']);
    expect(await pathsOf('from=2026-11-01&to=2026-11-02&bucket=year')).toEqual(['/query/bucket']);
    expect(await pathsOf('from=2026-11-01&to=2026-11-02&team=0')).toEqual(['/query/team']);
  });

  it('answers 401 without a session', async () => {
    expect((await call(app, 'GET', '/api/reviews/activity?from=2026-11-01&to=2026-11-02')).status).toBe(401);
  });
});
