import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aScheduler, duePending, eventually, hourMs } from './timer-fixtures.ts';

let app: TestApp;
let li: string;
let liId: number;

beforeAll(async () => {
  app = await startTestApp('reminder_timers');
  await installGenericTemplate(app);
  li = await signIn(app, 'rep.li');
  liId = await userIdOf(app, 'rep.li');
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
const inHours = (hours: number) => new Date(Date.now() + hours * hourMs).toISOString();

async function reminderOf(contactRecordId: number) {
  const { rows } = await app.schema.pool.query(
    'select status, due_at, user_id::int as user_id, outcome from due_timer where timer_key = $1',
    [`contact_record:${contactRecordId}:reminder`],
  );
  return rows;
}

async function aLoggedCall(reminderAt: string) {
  const customerId = await aCustomerOf(app, li, '提醒客户', ++serial);
  const logged = await api(app, 'POST', `/api/customers/${customerId}/contact-records`, {
    cookie: li,
    body: { channel: 'call', outcome: 'callbackRequested', reminderAt },
  });
  expect(logged.status).toBe(201);
  return { customerId, record: logged.body as { id: number; version: number } };
}

const correct = (customerId: number, record: { id: number; version: number }, body: Record<string, unknown>) =>
  api(app, 'PATCH', `/api/customers/${customerId}/contact-records/${record.id}`, { cookie: li, body: { ...body, version: record.version } });

describe('contact record reminders', () => {
  it('arms one timer per contact record for its author; no outbox message any more', async () => {
    const reminderAt = inHours(3);
    const { record } = await aLoggedCall(reminderAt);
    expect(await reminderOf(record.id)).toEqual([{ status: 'pending', due_at: new Date(reminderAt), user_id: liId, outcome: null }]);
    const { rows } = await app.schema.pool.query("select count(*)::int as count from outbox where topic = 'contactRecord.reminder'");
    expect(rows[0].count).toBe(0);
  });

  it('moves the timer when its author corrects the time, and cancels it when they clear it', async () => {
    const { customerId, record } = await aLoggedCall(inHours(3));
    const later = inHours(5);
    const moved = await correct(customerId, record, { reminderAt: later });
    expect(moved.status).toBe(200);
    expect(await reminderOf(record.id)).toEqual([{ status: 'pending', due_at: new Date(later), user_id: liId, outcome: null }]);
    const cleared = await correct(customerId, moved.body, { reminderAt: null });
    expect(cleared.status).toBe(200);
    expect(await reminderOf(record.id)).toEqual([
      { status: 'cancelled', due_at: new Date(later), user_id: liId, outcome: { cancelled: { code: 'reminderCleared' } } },
    ]);
    const again = inHours(6);
    expect((await correct(customerId, cleared.body, { reminderAt: again })).status).toBe(200);
    expect(await reminderOf(record.id)).toEqual([{ status: 'pending', due_at: new Date(again), user_id: liId, outcome: null }]);
  });

  it('fires once, notifying the owner, and arms again when moved after it fired', async () => {
    const { customerId, record } = await aLoggedCall(inHours(1));
    const ahead = 2 * hourMs;
    const running = await aScheduler(app.orm, ahead);
    try {
      await eventually(async () => (await reminderOf(record.id))[0]?.status === 'fired');
      expect(await duePending(app, ahead)).toBe(0);
    } finally {
      await running.stop();
    }
    const told = async () =>
      (await app.schema.pool.query("select user_id::int as user_id from notification where kind = 'reminder' and record_id = $1", [customerId])).rows;
    expect(await told()).toEqual([{ user_id: liId }]);

    const later = inHours(4);
    expect((await correct(customerId, record, { reminderAt: later })).status).toBe(200);
    expect(await reminderOf(record.id)).toMatchObject([{ status: 'pending', due_at: new Date(later) }]);
  });
});
