import { newSessionToken, sessionIdOf } from '../../api/auth/session-token.ts';
import { api } from './records-fixtures.ts';
import type { TestApp } from './test-app.ts';

/**
 * A user inserted straight into app_user (with the demo password hash copied, so no scrypt run per user): tests
 * that need dozens of reps make them in milliseconds. Returns the id.
 */
export async function addUser(
  app: TestApp,
  user: { login: string; role: string; teamId: number | null; timeZone?: string },
): Promise<number> {
  const { rows } = await app.schema.pool.query(
    `insert into app_user (login, display_name, password_hash, role_key, team_id, time_zone, locale)
     select $1, $1, password_hash, $2, $3, $4, 'zh-CN' from app_user where login = 'admin'
     returning id::int as id`,
    [user.login, user.role, user.teamId, user.timeZone ?? 'Asia/Shanghai'],
  );
  return rows[0].id;
}

/** A live session for a user, as a sign-in would leave it, without the password check: the cookie to send. */
export async function sessionFor(app: TestApp, userId: number): Promise<string> {
  const token = newSessionToken();
  await app.schema.pool.query(
    "insert into user_session (id, user_id, expires_at) values ($1, $2, now() + interval '1 day')",
    [sessionIdOf(token), userId],
  );
  return `stagecraft_session=${token}`;
}

/** A team with that name, created if missing: its id. */
export async function teamId(app: TestApp, name: string): Promise<number> {
  const { rows } = await app.schema.pool.query(
    `with made as (insert into team (name) select $1::text where not exists (select 1 from team where name = $1::text) returning id)
     select id::int as id from made union all select id::int from team where name = $1::text`,
    [name],
  );
  return rows[0].id;
}

let made = 0;

/** A pool customer in `stage`, entered through the API by an administrator (so with its history and audit). */
export async function poolCustomer(app: TestApp, adminCookie: string, stage = 'target'): Promise<number> {
  made += 1;
  const name = `公海客户 ${made} ${Math.random().toString(36).slice(2, 8)}`;
  const response = await api(app, 'POST', '/api/customers', { cookie: adminCookie, body: { name, ownership: 'pool', stage } });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** `count` more pool customers like `template` (same stage and machine), copied in SQL for speed: their ids. */
export async function copiesOf(app: TestApp, template: number, count: number): Promise<number[]> {
  const { rows } = await app.schema.pool.query(
    `insert into customer (name, name_key, keywords, keyword_keys, stage, machine_snapshot, definition_key, definition_version,
                           ownership, custom_fields, created_by)
     select c.name || ' 副本 ' || g, c.name_key || ' 副本 ' || g, '{}', '{}', c.stage, c.machine_snapshot, c.definition_key,
            c.definition_version, 'pool', c.custom_fields, c.created_by
     from customer c, generate_series(1, $2::int) g where c.id = $1
     returning id::int as id`,
    [template, count],
  );
  return rows.map((row: { id: number }) => row.id).sort((a: number, b: number) => a - b);
}
