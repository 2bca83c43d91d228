import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aQueueCustomer, anOpportunity, anOrder, clearRecords } from './work-queue-fixtures.ts';

let app: TestApp;
let rep: string;
let repId: number;
const day = 86_400_000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

beforeAll(async () => {
  app = await startTestApp('work-queue-order');
  await installGenericTemplate(app);
  rep = await signIn(app, 'rep.li');
  repId = await userIdOf(app, 'rep.li');
});
afterAll(async () => {
  await app?.close();
});
beforeEach(async () => {
  await clearRecords(app);
});

async function queue(query = '') {
  const response = await api(app, 'GET', `/api/me/queue${query}`, { cookie: rep });
  expect(response.status, JSON.stringify(response.body) + app.logLines.filter((line) => line.includes("error")).slice(-2).join("\n")).toBe(200);
  return response.body;
}

const idsOf = (body: any, section: string): number[] => body.sections.find((s: any) => s.id === section).items.map((item: any) => item.id);

describe('the work queue sections', () => {
  it('lists the policy’s sections in its order, each with its label, entity and task kind', async () => {
    const body = await queue();
    expect(body.policy).toEqual({ id: 'daily-work-line', name: { en: 'Daily work line', 'zh-CN': '销售主线' } });
    expect(body.sections.map((s: any) => [s.id, s.entity, s.taskKind])).toEqual([
      ['ordersToFollowUp', 'order', 'followUp'],
      ['opportunitiesToPush', 'opportunity', 'call'],
      ['potentialCallbacks', 'customer', 'call'],
      ['targetsToDevelop', 'customer', 'call'],
      ['reserveToScreen', 'customer', 'call'],
    ]);
    expect(body.sections.every((s: any) => s.items.length === 0 && s.nextCursor === null)).toBe(true);
    expect(body.timeZone).toBe('Asia/Shanghai');
  });

  it('puts overdue orders first, then the rest by amount, largest first, leaving finished orders out', async () => {
    const customer = await aQueueCustomer(app, repId, { stage: 'won' });
    const small = await anOrder(app, customer, { amount: 500, nextFollowUpAt: at(3) });
    const overdueSmall = await anOrder(app, customer, { amount: 100, nextFollowUpAt: at(-3) });
    const overdueLarge = await anOrder(app, customer, { amount: 300, nextFollowUpAt: at(-1.5) });
    const large = await anOrder(app, customer, { amount: 900 });
    const shipped = await anOrder(app, customer, { amount: 700, status: 'shipped', nextFollowUpAt: at(1) });
    await anOrder(app, customer, { amount: 5000, status: 'completed' });
    await anOrder(app, customer, { amount: 6000, deleted: true });
    const body = await queue();
    expect(idsOf(body, 'ordersToFollowUp')).toEqual([overdueLarge, overdueSmall, large, shipped, small]);
    const first = body.sections[0].items[0];
    expect(first).toMatchObject({ section: 'ordersToFollowUp', entity: 'order', id: overdueLarge, due: { bucket: 'overdue' } });
    expect(first.record).toMatchObject({ id: overdueLarge, stage: 'pending', amount: 300 });
    expect(first.customer).toMatchObject({ id: customer, stage: 'won', ownership: 'personal' });
  });

  it('pushes open opportunities by value, an empty amount last, and leaves won and lost ones out', async () => {
    const customer = await aQueueCustomer(app, repId, { stage: 'opportunity' });
    const none = await anOpportunity(app, customer, { amount: null });
    const big = await anOpportunity(app, customer, { amount: 80_000 });
    const overdue = await anOpportunity(app, customer, { amount: 10, nextFollowUpAt: at(-2) });
    const mid = await anOpportunity(app, customer, { amount: 20_000, nextFollowUpAt: at(2) });
    await anOpportunity(app, customer, { amount: 1_000_000, status: 'won' });
    await anOpportunity(app, customer, { amount: 1_000_000, status: 'lost' });
    expect(idsOf(await queue(), 'opportunitiesToPush')).toEqual([overdue, big, mid, none]);
  });

  it('orders potential callbacks overdue first, then by level and due date; a record shows in one section only', async () => {
    const later = await aQueueCustomer(app, repId, { stage: 'potential', level: 'A', nextFollowUpAt: at(5) });
    const soon = await aQueueCustomer(app, repId, { stage: 'potential', level: 'A', nextFollowUpAt: at(1) });
    const levelB = await aQueueCustomer(app, repId, { stage: 'potential', level: 'B', nextFollowUpAt: at(0.5) });
    const noLevel = await aQueueCustomer(app, repId, { stage: 'potential', nextFollowUpAt: at(0.2) });
    const overdueC = await aQueueCustomer(app, repId, { stage: 'potential', level: 'C', nextFollowUpAt: at(-4) });
    await aQueueCustomer(app, repId, { stage: 'potential' }); // no callback agreed: not in the line
    const target = await aQueueCustomer(app, repId, { stage: 'target', level: 'B' });
    const reserve = await aQueueCustomer(app, repId, { stage: 'reserve' });
    const body = await queue();
    expect(idsOf(body, 'potentialCallbacks')).toEqual([overdueC, soon, later, levelB, noLevel]);
    expect(idsOf(body, 'targetsToDevelop')).toEqual([target]);
    expect(idsOf(body, 'reserveToScreen')).toEqual([reserve]);
    expect(body.sections[2].items[0].due.bucket).toBe('overdue');
    expect(body.sections[2].items[0].customer.customFields).toEqual({ level: 'C' });
  });

  it('caps a section at the policy’s limit, and pages through it with the cursor', async () => {
    const reserves: number[] = [];
    for (let i = 0; i < 53; i++) reserves.push(await aQueueCustomer(app, repId, { stage: 'reserve' }));
    const seen: number[] = [];
    let body = await queue('?limit=20');
    expect(body.sections).toHaveLength(5);
    for (;;) {
      const section = body.sections.find((s: any) => s.id === 'reserveToScreen');
      seen.push(...section.items.map((item: any) => item.id));
      if (section.nextCursor === null) break;
      body = await queue(`?limit=20&cursor=${encodeURIComponent(section.nextCursor)}`);
      expect(body.sections.map((s: any) => s.id)).toEqual(['reserveToScreen']);
    }
    // createdAt ascending, then id: the 50 created first.
    expect(seen).toEqual(reserves.slice(0, 50));
  });
});
