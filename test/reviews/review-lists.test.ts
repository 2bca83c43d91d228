import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
let made = 0;

/** A customer owned by `ownerId` (null: the pool) with the machine flags given, written straight into the tables. */
async function aCustomer(ownerId: number | null, flags: Record<string, string> = {}): Promise<number> {
  made += 1;
  const { rows } = await app.schema.pool.query(
    `insert into customer (name, name_key, stage, machine_snapshot, definition_key, definition_version, ownership, owner_id)
     values ($1, $1, 'potential', jsonb_build_object('machine', 'customer-lifecycle', 'version', 1, 'value', 'potential', 'flags', $2::jsonb,
             'enteredAt', now(), 'status', 'active'), 'customer-lifecycle', 1, $3, $4) returning id::int as id`,
    [`审阅客户 ${made}`, JSON.stringify(flags), ownerId === null ? 'pool' : 'personal', ownerId],
  );
  if (ownerId !== null) await app.schema.pool.query("insert into customer_owner (customer_id, user_id, role) values ($1, $2, 'primary')", [rows[0].id, ownerId]);
  return rows[0].id;
}

async function aRecord(customerId: number, authorId: number, occurredAt: string, notes = ''): Promise<number> {
  const { rows } = await app.schema.pool.query(
    `insert into contact_record (customer_id, channel, outcome, notes, occurred_at, author_id) values ($1, 'call', 'connected', $2, $3, $4) returning id::int as id`,
    [customerId, notes, occurredAt, authorId],
  );
  return rows[0].id;
}

const recordIds: Record<string, number[]> = { li: [], zhang: [], chen: [] };
const customers: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('review-lists');
  await installGenericTemplate(app);
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
  customers.liPaused = await aCustomer(ids['rep.li']!, { tracking: 'paused' });
  customers.liTracking = await aCustomer(ids['rep.li']!, { tracking: 'tracking' });
  customers.chenPaused = await aCustomer(ids['rep.chen']!, { tracking: 'paused' });
  customers.poolPaused = await aCustomer(null, { tracking: 'paused' });
  // Shanghai midnight starting 2 Nov 2026 is 2026-11-01T16:00Z.
  recordIds.li!.push(await aRecord(customers.liPaused, ids['rep.li']!, '2026-11-01T15:59:59Z', '1 Nov, last second'));
  recordIds.li!.push(await aRecord(customers.liPaused, ids['rep.li']!, '2026-11-01T16:00:00Z', '2 Nov, first second'));
  recordIds.li!.push(await aRecord(customers.liTracking, ids['rep.li']!, '2026-11-02T08:00:00Z'));
  recordIds.zhang!.push(await aRecord(customers.liTracking, ids['rep.zhang']!, '2026-11-02T09:00:00Z'));
  recordIds.chen!.push(await aRecord(customers.chenPaused, ids['rep.chen']!, '2026-11-02T10:00:00Z'));
});
afterAll(async () => {
  await app?.close();
});

async function recordsOf(login: string, query = '') {
  const response = await api(app, 'GET', `/api/reviews/contact-records${query}`, { cookie: cookies[login] });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

describe('contact records to review', () => {
  it('shows a manager the team’s records newest first, a rep their own, an administrator everyone’s', async () => {
    const team = await recordsOf('manager.wang');
    expect(team.items.map((record: any) => record.id)).toEqual([recordIds.zhang![0], recordIds.li![2], recordIds.li![1], recordIds.li![0]]);
    expect(team.items[0]).toMatchObject({ customerId: customers.liTracking, customerStage: 'potential', authorId: ids['rep.zhang'], outcome: 'connected' });
    expect((await recordsOf('rep.li')).items.map((record: any) => record.authorId)).toEqual([ids['rep.li'], ids['rep.li'], ids['rep.li']]);
    expect((await recordsOf('admin')).items).toHaveLength(5);
  });

  it('filters by rep and by the days of the viewer’s zone', async () => {
    const li = await recordsOf('manager.wang', `?author=${ids['rep.li']}&from=2026-11-02&to=2026-11-02`);
    expect(li.items.map((record: any) => record.id)).toEqual([recordIds.li![2], recordIds.li![1]]);
    const first = await recordsOf('manager.wang', '?to=2026-11-01');
    expect(first.items.map((record: any) => record.notes)).toEqual(['1 Nov, last second']);
    // Someone outside the team: nothing, whatever the filter says.
    expect((await recordsOf('manager.wang', `?author=${ids['rep.chen']}`)).items).toEqual([]);
  });

  it('pages with a cursor that visits every record once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await recordsOf('admin', `?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
      seen.push(...page.items.map((record: any) => record.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('names a bad day or cursor', async () => {
    for (const [query, path] of [['?from=2026-13-01', '/query/from'], ['?cursor=yesterday', '/query/cursor'], ['?author=x', '/query/author']]) {
      const response = await call(app, 'GET', `/api/reviews/contact-records${query}`, { cookie: cookies['manager.wang'] });
      expect(response.status).toBe(400);
      expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual([path]);
    }
  });
});

describe('customers with a flag set', () => {
  const flagged = async (login: string) => {
    const response = await api(app, 'GET', '/api/reviews/flagged-customers?flag=tracking&value=paused', { cookie: cookies[login] });
    expect(response.status).toBe(200);
    return response.body.items.map((customer: { id: number }) => customer.id).sort();
  };

  it('lists the paused customers the viewer may see, never the pool', async () => {
    expect(await flagged('manager.wang')).toEqual([customers.liPaused]);
    expect(await flagged('rep.li')).toEqual([customers.liPaused]);
    expect(await flagged('rep.zhang')).toEqual([]);
    expect(await flagged('admin')).toEqual([customers.liPaused, customers.chenPaused].sort());
  });

  it('needs a flag and a value', async () => {
    const response = await call(app, 'GET', '/api/reviews/flagged-customers?flag=tracking', { cookie: cookies['manager.wang'] });
    expect(response.status).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(['/query/value']);
  });
});
