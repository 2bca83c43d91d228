import { call, demoPassword, signIn } from '../support/people-fixtures.ts';
import { installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** Creates reps through the users API (as the admin) and returns their ids in order. */
export async function createReps(app: TestApp, adminCookie: string, names: readonly string[], prefix: string): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, name] of names.entries()) {
    const response = await call(app, 'POST', '/api/users', {
      cookie: adminCookie,
      body: { login: `${prefix}.${index}`, displayName: name, password: demoPassword, role: 'rep' },
    });
    if (response.status !== 201) throw new Error(`creating ${name} answered ${response.status}: ${response.text}`);
    ids.push(response.json().id);
  }
  return ids;
}

/** Publishes a routing policy through the API; the document's id is its key. */
export async function publishPolicy(app: TestApp, adminCookie: string, policy: { id: string } & Record<string, unknown>): Promise<void> {
  const response = await call(app, 'PUT', `/api/routing-policies/${policy.id}`, { cookie: adminCookie, body: policy });
  if (response.status !== 201) throw new Error(`publishing ${policy.id} answered ${response.status}: ${response.text}`);
}

/** A policy of one rule over the given users, falling back to the pool. */
export function singleRulePolicy(id: string, strategy: Record<string, unknown>) {
  return {
    id,
    name: { en: id, 'zh-CN': id },
    entity: 'lead',
    rules: [{ id: 'only', label: { en: 'Everyone in turn', 'zh-CN': '所有人轮流' }, strategy }],
    fallback: { to: 'pool' },
  };
}

/** Runs `total` tasks with `clients` of them in flight at once. */
export async function inParallel(total: number, clients: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

/** The generic template with the demo people signed in, their ids by login, and a policy `to-li` giving rep.li every lead. */
export interface LeadsStage {
  app: TestApp;
  admin: string;
  li: string;
  zhang: string;
  wang: string;
  ids: Record<string, number>;
}

export async function startLeadsStage(label: string): Promise<LeadsStage> {
  const app = await startTestApp(label);
  await installGenericTemplate(app);
  const [admin, li, zhang, wang] = (await Promise.all(['admin', 'rep.li', 'rep.zhang', 'manager.wang'].map((login) => signIn(app, login)))) as [
    string,
    string,
    string,
    string,
  ];
  const { rows } = await app.schema.pool.query<{ login: string; id: string }>('select login, id from app_user');
  const ids = Object.fromEntries(rows.map((row) => [row.login, Number(row.id)]));
  await publishPolicy(app, admin, singleRulePolicy('to-li', { type: 'roundRobin', candidates: { users: ['rep.li'] } }));
  return { app, admin, li, zhang, wang, ids };
}
