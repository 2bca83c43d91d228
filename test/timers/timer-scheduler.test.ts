import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOrm } from '../../api/database/close-orm.ts';
import { openOrm } from '../../api/database/orm.ts';
import { signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aScheduler, duePending, eventually, hourMs } from './timer-fixtures.ts';

let app: TestApp;
let li: string;

beforeAll(async () => {
  app = await startTestApp('timer_scheduler');
  await installGenericTemplate(app);
  li = await signIn(app, 'rep.li');
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
const priorities = ['low', 'normal', 'high', 'urgent'] as const;

/** Tickets of several customers, with the priorities given; their ids. */
async function tickets(priorityOf: ReadonlyArray<(typeof priorities)[number]>): Promise<number[]> {
  const ids: number[] = [];
  for (const priority of priorityOf) {
    const customerId = await aCustomerOf(app, li, '调度客户', ++serial);
    const response = await api(app, 'POST', `/api/customers/${customerId}/tickets`, { cookie: li, body: { subject: '打印机卡纸', priority } });
    if (response.status !== 201) throw new Error(`ticket answered ${response.status}`);
    ids.push(response.body.id);
  }
  return ids;
}

/** Per ticket: how many escalation events its audit trail holds, and how many of its timers fired. */
async function firingsOf(ids: readonly number[]): Promise<Map<number, { events: number; fired: number; effects: number; status: string }>> {
  const { rows } = await app.schema.pool.query(
    `select t.id::int as id, t.status,
       (select count(*)::int from audit_entry a where a.entity = 'ticket' and a.record_id = t.id and a.action = 'event') as events,
       (select count(*)::int from due_timer d where d.entity = 'ticket' and d.record_id = t.id and d.status = 'fired') as fired,
       (select count(*)::int from outbox o where o.idempotency_key like 'ticket:' || t.id || ':%:timer:%') as effects
     from ticket t where t.id = any($1::bigint[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

const ahead = 25 * hourMs;

describe('the timer scheduler', () => {
  it('fires each due timer exactly once with two schedulers on two connection pools at the same time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...priorities), { minLength: 4, maxLength: 12 }), async (priorityOf) => {
        const ids = await tickets(priorityOf);
        const second = await openOrm({ databaseUrl: app.schema.url, schema: app.schema.name, poolMax: 4 });
        const [a, b] = await Promise.all([aScheduler(app.orm, ahead), aScheduler(second, ahead)]);
        try {
          await eventually(async () => (await duePending(app, ahead)) === 0);
        } finally {
          await Promise.all([a.stop(), b.stop()]);
          await closeOrm(second);
        }
        // No firing failed and had to be retried: in particular no deadlock between the two.
        expect([...a.logLines, ...b.logLines].filter((line) => /"level":"(warn|error)"/.test(line))).toEqual([]);
        const firings = await firingsOf(ids);
        for (const id of ids) {
          // One escalation (new → escalatedLevel1) per ticket, by one timer, with the level's two entry effects once.
          expect(firings.get(id)).toEqual({ id, status: 'escalatedLevel1', events: 1, fired: 1, effects: 2 });
        }
        const { rows } = await app.schema.pool.query(
          "select status, count(*)::int as count from due_timer where record_id = any($1::bigint[]) and event_type like '%.new' group by status order by status",
          [ids],
        );
        // Every timer of the first state settled: one fired per ticket, the others cancelled (refused or left behind).
        expect(rows).toEqual([
          { status: 'cancelled', count: 2 * ids.length },
          { status: 'fired', count: ids.length },
        ]);
      }),
      { numRuns: 3 },
    );
  });

  it('fires each pending timer exactly once across a restart: scheduler and connection pool stopped, new ones started', async () => {
    const ids = await tickets(['urgent', 'high', 'normal', 'low', 'urgent', 'normal', 'high', 'low', 'normal', 'urgent']);
    const first = await openOrm({ databaseUrl: app.schema.url, schema: app.schema.name, poolMax: 4 });
    let settledOnce: () => void = () => {};
    const oneSettled = new Promise<void>((resolve) => {
      settledOnce = resolve;
    });
    const before = await aScheduler(first, ahead, (line) => {
      if (line.includes('"timer settled"')) settledOnce();
    });
    await oneSettled;
    // The process goes away part-way: its scheduler stops and its pool closes with timers still pending.
    await before.stop();
    await closeOrm(first);
    expect(await duePending(app, ahead)).toBeGreaterThan(0);

    const second = await openOrm({ databaseUrl: app.schema.url, schema: app.schema.name, poolMax: 4 });
    const after = await aScheduler(second, ahead);
    try {
      await eventually(async () => (await duePending(app, ahead)) === 0);
    } finally {
      await after.stop();
      await closeOrm(second);
    }
    const firings = await firingsOf(ids);
    for (const id of ids) expect(firings.get(id)).toEqual({ id, status: 'escalatedLevel1', events: 1, fired: 1, effects: 2 });
  });
});
