import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionChangeChannel } from '../../api/auth/session-change-listener.ts';
import { installDemoPeople } from '../support/people-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

interface Notice {
  schema: string;
  kind: string;
  keys: string[];
}

let app: TestApp;
let listener: pg.Client;
let repId: string;
const heard: Array<{ payload: string; notice: Notice }> = [];

beforeAll(async () => {
  app = await startTestApp('session_notices');
  await installDemoPeople(app);
  repId = (await app.schema.pool.query("select id from app_user where login = 'rep.li'")).rows[0].id;
  listener = new pg.Client(app.schema.url);
  await listener.connect();
  listener.on('notification', (message) => {
    const notice = JSON.parse(message.payload!) as Notice;
    if (notice.schema === app.schema.name) heard.push({ payload: message.payload!, notice });
  });
  await listener.query(`listen ${sessionChangeChannel}`);
});
afterAll(async () => {
  await listener?.end();
  await app?.close();
});

/**
 * The notices of this schema sent by `action`. A marker notice sent after it, from the same pool once the action has
 * committed, arrives after the action's notices, so waiting for it also proves that no other notice was sent.
 */
async function noticesOf(action: () => Promise<unknown>): Promise<Notice[]> {
  heard.length = 0;
  await action();
  const marker = randomBytes(8).toString('hex');
  const markerNotice = JSON.stringify({ schema: app.schema.name, kind: 'marker', keys: [marker] });
  await app.schema.pool.query('select pg_notify($1, $2)', [sessionChangeChannel, markerNotice]);
  const deadline = Date.now() + 5_000;
  while (!heard.some(({ notice }) => notice.kind === 'marker' && notice.keys[0] === marker)) {
    if (Date.now() > deadline) throw new Error('the marker notice never arrived');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return heard.map(({ notice }) => notice).filter((notice) => notice.kind !== 'marker');
}

async function addSessions(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomBytes(32).toString('hex'));
  await app.schema.pool.query(
    "insert into user_session (id, user_id, expires_at) select unnest($1::text[]), $2, now() + interval '1 day'",
    [ids, repId],
  );
  return ids;
}

describe('session change notices', () => {
  it('announces a deleted session by its id, in the schema it belongs to', async () => {
    const [id] = await addSessions(1);
    expect(await noticesOf(() => app.schema.pool.query('delete from user_session where id = $1', [id]))).toEqual([
      { schema: app.schema.name, kind: 'sessions', keys: [id] },
    ]);
  });

  it('announces a changed expiry, and stays silent when only last_seen_at is written', async () => {
    const [id] = await addSessions(1);
    expect(await noticesOf(() => app.schema.pool.query('update user_session set last_seen_at = now() where id = $1', [id]))).toEqual([]);
    const expiryChange = () => app.schema.pool.query("update user_session set expires_at = now() + interval '1 hour' where id = $1", [id]);
    expect(await noticesOf(expiryChange)).toEqual([{ schema: app.schema.name, kind: 'sessions', keys: [id] }]);
  });

  it('sends nothing for a delete that removes no session (as sign-in does when none has expired)', async () => {
    expect(await noticesOf(() => app.schema.pool.query('delete from user_session where expires_at < now() - interval \'1 year\''))).toEqual([]);
  });

  it('announces a changed user, and a changed role by its key', async () => {
    expect(await noticesOf(() => app.schema.pool.query('update app_user set display_name = display_name where id = $1', [repId]))).toEqual([
      { schema: app.schema.name, kind: 'users', keys: [String(repId)] },
    ]);
    expect(await noticesOf(() => app.schema.pool.query("update role set document = document where key = 'rep'"))).toEqual([
      { schema: app.schema.name, kind: 'roles', keys: ['rep'] },
    ]);
  });

  it('announces a deleted user and, through the cascade, the sessions it took along', async () => {
    const { rows } = await app.schema.pool.query(
      `insert into app_user (login, display_name, password_hash, role_key, time_zone, locale)
       values ('gone.soon', 'Gone', 'x', 'rep', 'UTC', 'en') returning id`,
    );
    const userId = String(rows[0].id);
    const id = randomBytes(32).toString('hex');
    await app.schema.pool.query("insert into user_session (id, user_id, expires_at) values ($1, $2, now() + interval '1 day')", [id, userId]);
    const notices = await noticesOf(() => app.schema.pool.query('delete from app_user where id = $1', [userId]));
    expect(notices).toEqual(
      expect.arrayContaining([
        { schema: app.schema.name, kind: 'users', keys: [userId] },
        { schema: app.schema.name, kind: 'sessions', keys: [id] },
      ]),
    );
    expect(notices).toHaveLength(2);
  });

  it('sends one notice for a bulk delete, listing every session while they fit', async () => {
    const ids = await addSessions(50);
    const notices = await noticesOf(() => app.schema.pool.query('delete from user_session where id = any($1)', [ids]));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.kind).toBe('sessions');
    expect([...notices[0]!.keys].sort()).toEqual([...ids].sort());
  });

  it('says "all" in one notice under 8000 bytes when the ids would not fit, and on truncate', async () => {
    const ids = await addSessions(2_000);
    expect(await noticesOf(() => app.schema.pool.query('delete from user_session where id = any($1)', [ids]))).toEqual([
      { schema: app.schema.name, kind: 'all', keys: [] },
    ]);
    expect(heard.every(({ payload }) => Buffer.byteLength(payload) < 8_000)).toBe(true);
    await addSessions(3);
    expect(await noticesOf(() => app.schema.pool.query('truncate user_session'))).toEqual([{ schema: app.schema.name, kind: 'all', keys: [] }]);
  });
});
