import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../support/people-fixtures.ts';
import { installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, startTestAppBeside, type TestApp } from '../support/test-app.ts';
import { createReps, inParallel, publishPolicy, singleRulePolicy } from './lead-fixtures.ts';

let app: TestApp;
let admin: string;
let reps: number[];

beforeAll(async () => {
  app = await startTestApp('lead-fairness');
  await installGenericTemplate(app);
  admin = await signIn(app, 'admin');
  reps = await createReps(app, admin, ['甲 Jia', '乙 Yi', '丙 Bing', '丁 Ding'], 'fair');
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** Posts `total` leads with 32 clients, each lead to one of `apps` in turn (processes sharing one database). */
async function postLeads(policy: string, total: number, phonePrefix: string, apps: readonly TestApp[] = [app]): Promise<void> {
  const statuses: number[] = [];
  await inParallel(total, 32, async (index) => {
    const response = await call(apps[index % apps.length]!, 'POST', '/api/leads', {
      cookie: admin,
      body: { name: `线索 ${index}`, phone: `${phonePrefix}${String(index).padStart(4, '0')}`, source: 'website', routingPolicy: policy },
    });
    statuses.push(response.status);
  });
  expect(statuses.filter((s) => s !== 201)).toEqual([]);
}

async function ownerCounts(policy: string): Promise<Record<string, number>> {
  const { rows } = await app.schema.pool.query<{ owner_id: string; n: number }>(
    "select owner_id, count(*)::int as n from lead where assignment->>'policyKey' = $1 group by owner_id",
    [policy],
  );
  return Object.fromEntries(rows.map((row) => [String(row.owner_id), row.n]));
}

describe('concurrent lead intake stays fair', () => {
  it('gives four reps exactly 250 each of 1,000 leads posted by 32 parallel clients (round-robin)', async () => {
    await publishPolicy(app, admin, singleRulePolicy('fair-round-robin', { type: 'roundRobin', candidates: { users: reps.map(String) } }));
    await postLeads('fair-round-robin', 1_000, '1390000');
    expect(await ownerCounts('fair-round-robin')).toEqual(Object.fromEntries(reps.map((id) => [String(id), 250])));
  }, 60_000);

  it('gives 750 and 250 of 1,000 leads to weights 3:1', async () => {
    const [heavy, light] = reps;
    await publishPolicy(
      app,
      admin,
      singleRulePolicy('fair-weighted', { type: 'weighted', candidates: { users: [String(heavy), String(light)] }, weights: { [String(heavy)]: 3, [String(light)]: 1 } }),
    );
    await postLeads('fair-weighted', 1_000, '1370000');
    expect(await ownerCounts('fair-weighted')).toEqual({ [String(heavy)]: 750, [String(light)]: 250 });
  }, 60_000);

  it('stays exact across two processes taking leads to one policy at once: 600 leads, 150 each', async () => {
    // Leads go to the two processes in turn. Each batches on its own; only the state's version, checked as a batch
    // writes, keeps them from deciding from the same turn.
    const other = await startTestAppBeside(app);
    try {
      await publishPolicy(app, admin, singleRulePolicy('fair-two-processes', { type: 'roundRobin', candidates: { users: reps.map(String) } }));
      await postLeads('fair-two-processes', 600, '1360000', [app, other]);
    } finally {
      await other.close();
    }
    expect(await ownerCounts('fair-two-processes')).toEqual(Object.fromEntries(reps.map((id) => [String(id), 150])));
  }, 60_000);

  it('stores the explanation on every lead and shows it on the lead', async () => {
    const { rows } = await app.schema.pool.query<{ id: string }>("select id from lead where assignment->>'policyKey' = 'fair-weighted' order by id limit 1");
    const lead = (await call(app, 'GET', `/api/leads/${rows[0]!.id}`, { cookie: admin })).json();
    expect(lead.assignment.summary.en).toMatch(/^rule 1 Everyone in turn → weighted → 甲 Jia \(weight 3\)$/);
    expect(lead.assignment.summary['zh-CN']).toBe('规则 1 所有人轮流 → 按权重 → 甲 Jia（权重 3）');
    const { rows: missing } = await app.schema.pool.query('select id from lead where assignment is null');
    expect(missing).toEqual([]);
  });
});
