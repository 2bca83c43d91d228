import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { sessionChangesHeard } from '../support/session-changes-heard.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aQueueCustomer, anOpportunity, anOrder, clearRecords } from './work-queue-fixtures.ts';

let app: TestApp;
let rep: string;
let repId: number;
let otherId: number;

beforeAll(async () => {
  app = await startTestApp('work-queue-walk');
  await installGenericTemplate(app);
  rep = await signIn(app, 'rep.li');
  repId = await userIdOf(app, 'rep.li');
  otherId = await userIdOf(app, 'rep.zhang');
});
afterAll(async () => {
  await app?.close();
});

const hour = 3_600_000;
const base = Date.now();
// Few distinct values, so ties (and empty values) are common and the id has to break them.
const due = fc.option(fc.constantFrom(-50, -2, 0, 1, 30, 200).map((hours) => new Date(base + hours * hour).toISOString()), { nil: null });
const amount = fc.option(fc.constantFrom(10, 500, 500, 9000), { nil: null });

const aCustomer = fc.record({
  stage: fc.constantFrom('reserve', 'target', 'potential', 'opportunity', 'won'),
  level: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
  nextFollowUpAt: due,
  lastContactAt: due,
  mine: fc.boolean(),
  opportunities: fc.array(fc.record({ amount, nextFollowUpAt: due, status: fc.constantFrom('open', 'open', 'won') }), { maxLength: 2 }),
  orders: fc.array(fc.record({ amount, nextFollowUpAt: due, status: fc.constantFrom('pending', 'shipped', 'completed') }), { maxLength: 2 }),
});

interface Item {
  section: string;
  entity: string;
  id: number;
  position: string;
}

async function get(path: string) {
  const response = await api(app, 'GET', path, { cookie: rep });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const ref = (item: Item) => `${item.section}/${item.entity}:${item.id}`;

describe('walking the queue', () => {
  it('visits every item exactly once, in the queue’s order, by next and by cursor pages alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(aCustomer, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        async (customers, pageSize, hideLevel) => {
          await clearRecords(app);
          await app.schema.pool.query(
            `update role set document = jsonb_set(document, '{fieldPermissions,customer}', $1::jsonb) where key = 'rep'`,
            [JSON.stringify({ level: hideLevel ? 'hidden' : 'read' })],
          );
          await sessionChangesHeard(app);
          for (const customer of customers) {
            const id = await aQueueCustomer(app, customer.mine ? repId : otherId, customer);
            for (const opportunity of customer.opportunities) await anOpportunity(app, id, opportunity);
            for (const order of customer.orders) await anOrder(app, id, order);
          }

          const whole: Item[] = (await get('/api/me/queue?limit=200')).sections.flatMap((section: { items: Item[] }) => section.items);

          const paged: Item[] = [];
          for (const { id: section } of (await get('/api/me/queue?limit=1')).sections) {
            let page = await get(`/api/me/queue?section=${section}&limit=${pageSize}`);
            for (;;) {
              expect(page.sections).toHaveLength(1);
              paged.push(...page.sections[0].items);
              const cursor = page.sections[0].nextCursor;
              if (cursor === null) break;
              expect(page.sections[0].items).toHaveLength(pageSize);
              page = await get(`/api/me/queue?limit=${pageSize}&cursor=${encodeURIComponent(cursor)}`);
            }
          }

          const walked: Item[] = [];
          let next = await get('/api/me/queue/next');
          while (next.item !== null) {
            walked.push(next.item);
            expect(walked.length).toBeLessThanOrEqual(whole.length);
            next = await get(`/api/me/queue/next?after=${encodeURIComponent(next.item.position)}`);
          }

          expect(paged.map(ref)).toEqual(whole.map(ref));
          expect(walked.map(ref)).toEqual(whole.map(ref));
          expect(new Set(whole.map((item) => `${item.entity}:${item.id}`)).size).toBe(whole.length);
          const mine = customers.filter((customer) => customer.mine);
          const expected =
            mine.filter((c) => c.stage === 'target' || c.stage === 'reserve' || (c.stage === 'potential' && c.nextFollowUpAt !== null)).length +
            mine.reduce((sum, c) => sum + c.opportunities.filter((o) => o.status === 'open').length, 0) +
            mine.reduce((sum, c) => sum + c.orders.filter((o) => o.status !== 'completed').length, 0);
          expect(whole).toHaveLength(expected);
        },
      ),
      { numRuns: 12 },
    );
  });
});
