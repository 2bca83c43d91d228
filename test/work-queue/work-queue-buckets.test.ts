import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { workQueue } from '../../api/work-queue/work-queue.query.ts';
import { queueBucketOf, queueDayBoundaries } from '../../engine/queues/queue-day-boundaries.ts';
import { signIn } from '../support/people-fixtures.ts';
import { installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { sessionChangesHeard } from '../support/session-changes-heard.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aQueueCustomer, callerOf, clearRecords } from './work-queue-fixtures.ts';

let app: TestApp;
let rep: string;
let repId: number;

beforeAll(async () => {
  app = await startTestApp('work-queue-buckets');
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

async function inZone(timeZone: string) {
  await app.schema.pool.query('update app_user set time_zone = $2 where id = $1', [repId, timeZone]);
  await sessionChangesHeard(app);
  return callerOf(app, rep);
}

const countsOf = (body: Awaited<ReturnType<typeof workQueue>>, stage: string) => body.stages.find((s) => s.key === stage)!.counts;

// New York springs forward on Sunday 2026-03-08 (a 23-hour day); the generic policy's weeks start on Monday.
const dues = {
  lastInstantOfSaturday: '2026-03-07T23:59:59.999-05:00',
  sundayMidnight: '2026-03-08T00:00:00-05:00',
  lastInstantOfSunday: '2026-03-08T23:59:59.999-04:00',
  mondayMidnight: '2026-03-09T00:00:00-04:00',
  tuesdayMidnight: '2026-03-10T00:00:00-04:00',
  lastInstantOfNextSunday: '2026-03-15T23:59:59.999-04:00',
  weekAfterNextMonday: '2026-03-16T00:00:00-04:00',
};

async function seedDues() {
  const ids: Record<string, number> = {};
  for (const [name, due] of Object.entries(dues)) {
    ids[name] = await aQueueCustomer(app, repId, { stage: 'potential', nextFollowUpAt: due });
  }
  await aQueueCustomer(app, repId, { stage: 'potential', lastContactAt: '2026-03-08T00:30:00-05:00' });
  await aQueueCustomer(app, repId, { stage: 'target', lastContactAt: '2026-03-07T23:30:00-05:00' });
  await aQueueCustomer(app, repId, { stage: 'target', lastContactAt: '2026-03-08T23:30:00-04:00' });
  return ids;
}

describe('the work line counts, by the days of the rep’s time zone', () => {
  it('on the last evening of a week, counts tomorrow as tomorrow and nothing as later this week', async () => {
    await seedDues();
    const now = new Date('2026-03-08T23:30:00-04:00');
    const body = await workQueue(app.orm, await inZone('America/New_York'), { limit: 20 }, now);
    expect(countsOf(body, 'potential')).toEqual({
      overdue: 1, today: 2, tomorrow: 1, thisWeek: 0, contactedToday: 1, total: 8,
    });
    expect(countsOf(body, 'target')).toMatchObject({ contactedToday: 1, total: 2 });
    expect(body.stages.map((s) => s.key)).toEqual(['reserve', 'target', 'potential', 'opportunity', 'won']);
    expect(body.stages[0]).toMatchObject({ label: { en: 'Reserve customer', 'zh-CN': '储备客户' }, color: '#94a3b8' });
  });

  it('just after midnight, moves yesterday’s callbacks to overdue and counts the rest of the new week', async () => {
    await seedDues();
    const now = new Date('2026-03-09T00:00:00.001-04:00');
    const body = await workQueue(app.orm, await inZone('America/New_York'), { limit: 20 }, now);
    expect(countsOf(body, 'potential')).toEqual({
      overdue: 3, today: 1, tomorrow: 1, thisWeek: 1, contactedToday: 0, total: 8,
    });
    expect(countsOf(body, 'target')).toMatchObject({ contactedToday: 0 }); // 23:30 on Sunday was yesterday
  });

  it('counts the same instants by another zone’s days for a rep there', async () => {
    await seedDues();
    // Monday 12:30 in Shanghai. New York's Sunday midnight is 13:00 on Sunday there, its Monday midnight 12:00 on
    // Monday, and its next Sunday's last instant 11:59 on the Monday of the following week.
    const now = new Date('2026-03-09T12:30:00+08:00');
    const body = await workQueue(app.orm, await inZone('Asia/Shanghai'), { limit: 20 }, now);
    expect(countsOf(body, 'potential')).toEqual({
      overdue: 2, today: 2, tomorrow: 1, thisWeek: 0, contactedToday: 0, total: 8,
    });
  });

  it('places every item in the bucket the engine’s own day arithmetic gives', async () => {
    const ids = await seedDues();
    for (const [timeZone, now] of [
      ['America/New_York', '2026-03-08T23:30:00-04:00'],
      ['America/New_York', '2026-03-09T00:00:00.001-04:00'],
      ['Asia/Shanghai', '2026-03-09T12:30:00+08:00'],
      ['Pacific/Kiritimati', '2026-03-08T10:00:00Z'],
    ] as const) {
      const body = await workQueue(app.orm, await inZone(timeZone), { limit: 20 }, new Date(now));
      const items = body.sections.find((s) => s.id === 'potentialCallbacks')!.items;
      const boundaries = queueDayBoundaries(new Date(now), timeZone, 1);
      expect(items).toHaveLength(Object.keys(dues).length);
      for (const [name, due] of Object.entries(dues)) {
        const item = items.find((candidate) => candidate.id === ids[name])!;
        expect(item.due.bucket, `${name} seen in ${timeZone} at ${now}`).toBe(queueBucketOf(Date.parse(due), boundaries));
        expect(Date.parse(item.due.at!)).toBe(Date.parse(due));
      }
      // Overdue first, then level (none here) and the due date.
      const order = items.map((item) => Date.parse(item.due.at!));
      const overdue = items.filter((item) => item.due.bucket === 'overdue').length;
      expect(order.slice(0, overdue)).toEqual([...order.slice(0, overdue)].sort((a, b) => a - b));
      expect(order.slice(overdue)).toEqual([...order.slice(overdue)].sort((a, b) => a - b));
    }
  });
});
