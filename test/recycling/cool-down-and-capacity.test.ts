import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, poolCustomer, sessionFor, teamId } from '../support/ownership-fixtures.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { anAgedCustomer, query } from './recycling-fixtures.ts';

let app: TestApp;
let admin: string;
let eastTeam: number;

beforeAll(async () => {
  app = await startTestApp('recycle_cool_down');
  await installGenericTemplate(app);
  admin = await signIn(app, 'admin');
  eastTeam = await teamId(app, '华东销售组');
  // Reps of this file may own five customers at most (the machine's stage permissions name roles by key).
  await app.schema.pool.query(
    `update role set document = document || '{"maxOwnedCustomers": 5, "claimQuotaPerDay": 100}'::jsonb where key = 'rep'`,
  );
});
afterAll(async () => {
  await app?.close();
});

async function newRep(login: string) {
  const id = await addUser(app, { login, role: 'rep', teamId: eastTeam });
  return { id, cookie: await sessionFor(app, id) };
}

const claim = (cookie: string, customerIds: number[]) => api(app, 'POST', '/api/customers/claims', { cookie, body: { customerIds } });

describe('cool-down after recycling', () => {
  it('keeps the former owner from claiming a recycled customer back until the rule’s cool-down has passed', async () => {
    const former = await newRep('rep.cool.former');
    const colleague = await newRep('rep.cool.colleague');
    const id = await anAgedCustomer(app, former.cookie, { stage: 'potential', contactedDaysAgo: 20 });
    expect((await api(app, 'POST', '/api/recycling/rules/recycle-potential-no-contact/sweep', { cookie: admin })).body.customerIds).toContain(id);

    const refused = await claim(former.cookie, [id]);
    expect(refused.status).toBe(200);
    const [cooling] = await query(app, 'select claimable_at from recycled_customer where customer_id = $1', [id]);
    expect(refused.body.results).toEqual([{ customerId: id, outcome: 'coolingDown', claimableAt: cooling.claimable_at.toISOString() }]);
    expect(refused.body.quota.usedToday).toBe(0);
    expect(Date.parse(refused.body.results[0].claimableAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    // The cool-down binds the owner it was taken from, nobody else.
    await api(app, 'POST', `/api/customers/${id}/remove-claim`, { cookie: admin, body: {} });
    expect((await claim(colleague.cookie, [id])).body.results[0].outcome).toBe('claimed');
    await api(app, 'POST', `/api/customers/${id}/release`, { cookie: colleague.cookie, body: {} });
    expect((await claim(former.cookie, [id])).body.results[0].outcome).toBe('coolingDown');

    await app.schema.pool.query("update recycled_customer set claimable_at = now() - interval '1 second', recycled_at = now() - interval '8 days' where customer_id = $1", [id]);
    expect((await claim(former.cookie, [id])).body.results[0].outcome).toBe('claimed');
  });
});

describe('owner capacity', () => {
  it('lets twenty parallel claims by an owner with room for two claim exactly two', async () => {
    const rep = await newRep('rep.capacity.claims');
    for (let i = 0; i < 3; i++) await anAgedCustomer(app, rep.cookie, { stage: 'target', contactedDaysAgo: 1 });
    const pool = await Promise.all(Array.from({ length: 20 }, () => poolCustomer(app, admin)));
    const answers = await Promise.all(pool.map((id) => claim(rep.cookie, [id])));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const outcomes = answers.map((answer) => answer.body.results[0].outcome);
    expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(2);
    expect(outcomes.filter((outcome) => outcome === 'capacityReached')).toHaveLength(18);
    const [owned] = await query(app, 'select count(*)::int as n from customer where owner_id = $1 and deleted_at is null', [rep.id]);
    expect(owned.n).toBe(5);
  });

  it('refuses to assign a customer to an owner at capacity, naming the field, and races safely with their claims', async () => {
    const rep = await newRep('rep.capacity.assign');
    for (let i = 0; i < 4; i++) await anAgedCustomer(app, rep.cookie, { stage: 'target', contactedDaysAgo: 1 });
    const [a, b, c, d] = await Promise.all(Array.from({ length: 4 }, () => poolCustomer(app, admin)));
    // One seat left: two assignments and two claims race for it.
    const answers = await Promise.all([
      api(app, 'POST', `/api/customers/${a}/reassign`, { cookie: admin, body: { toUserId: rep.id } }),
      api(app, 'POST', `/api/customers/${b}/reassign`, { cookie: admin, body: { toUserId: rep.id } }),
      claim(rep.cookie, [c!]),
      claim(rep.cookie, [d!]),
    ]);
    const assigned = answers.slice(0, 2).filter((answer) => answer.status === 200).length;
    const claimed = answers.slice(2).filter((answer) => answer.body.results[0].outcome === 'claimed').length;
    expect(assigned + claimed).toBe(1);
    const refusal = answers.slice(0, 2).find((answer) => answer.status !== 200)!;
    expect(refusal.status).toBe(409);
    expect(refusal.headers.get('content-type')).toContain('application/problem+json');
    expect(refusal.body.type).toBe('https://stagecraft.dev/problems/capacity-reached');
    expect(refusal.body.errors).toEqual([{ path: '/toUserId', message: expect.stringContaining('5') }]);
    const [owned] = await query(app, 'select count(*)::int as n from customer where owner_id = $1 and deleted_at is null', [rep.id]);
    expect(owned.n).toBe(5);
  });
});
