import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOutboxMessage, type OutboxHandlers } from '../../api/outbox/deliver-outbox-message.ts';
import { outboxHandlers } from '../../api/outbox/outbox-handlers.ts';
import type { OutboxRetryPolicy } from '../../api/outbox/outbox-retry-policy.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { createRecordingTable, insertRecordedMessages, recordedTopic, recordingHandler } from './support/recording-handler.ts';

let app: TestApp;
let admin: string;
let li: string;
let zhang: string;

beforeAll(async () => {
  app = await startTestApp('outbox_dispatch');
  await installGenericTemplate(app);
  await createRecordingTable(app.schema.pool);
  [admin, li, zhang] = await Promise.all([signIn(app, 'admin'), signIn(app, 'rep.li'), signIn(app, 'rep.zhang')]);
});
afterAll(async () => {
  await app?.close();
});

const quickRetry: OutboxRetryPolicy = { maxAttempts: 3, retryBaseMs: 0, retryMaxMs: 0 };

/** Delivers every due message with the given handlers until none is due; returns what became of each. */
async function drain(handlers: OutboxHandlers, policy: OutboxRetryPolicy = quickRetry, lanes = 1) {
  const outcomes: Array<NonNullable<Awaited<ReturnType<typeof deliverOutboxMessage>>>> = [];
  const lane = async () => {
    for (;;) {
      const outcome = await deliverOutboxMessage(app.orm, handlers, policy);
      if (outcome === undefined) return;
      outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return outcomes;
}

async function rowOf(key: string) {
  const { rows } = await app.schema.pool.query('select id::int, status, attempts, last_error, dead_reason, done_at, dead_at from outbox where idempotency_key = $1', [key]);
  return rows[0];
}

async function recordedCount(prefix: string): Promise<Map<string, number>> {
  const { rows } = await app.schema.pool.query(
    'select idempotency_key, count(*)::int as n from recorded_effect where idempotency_key like $1 group by idempotency_key',
    [`${prefix}-%`],
  );
  return new Map(rows.map((row) => [row.idempotency_key, row.n]));
}

let serial = 0;
async function aCustomerOfLi(): Promise<number> {
  serial++;
  const body = { name: `派发测试客户${serial}号`, phone: `136${String(30_000_000 + serial).padStart(8, '0')}`, customFields: { industry: 'it' } };
  const response = await api(app, 'POST', '/api/customers', { cookie: li, body });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

const fire = (cookie: string, id: number, type: string) => api(app, 'POST', `/api/customers/${id}/events`, { cookie, body: { type } });

describe('outbox dispatch', () => {
  it('runs the handler and marks the message done in one transaction, exactly once', async () => {
    await insertRecordedMessages(app.schema.pool, 'once', 1, 5);
    const outcomes = await drain({ [recordedTopic]: recordingHandler() });
    expect(outcomes.filter((outcome) => outcome.status === 'done')).toHaveLength(5);
    expect([...(await recordedCount('once')).values()]).toEqual([1, 1, 1, 1, 1]);
    expect(await rowOf('once-3')).toMatchObject({ status: 'done', attempts: 1, last_error: null, done_at: expect.any(Date) });
    expect(await drain({ [recordedTopic]: recordingHandler() })).toEqual([]);
  });

  it('undoes a failing handler’s writes, retries after a backoff, and parks the message as dead after the last try', async () => {
    await insertRecordedMessages(app.schema.pool, 'failing', 1, 1);
    const failing: OutboxHandlers = {
      [recordedTopic]: async (context, delivery) => {
        await recordingHandler()(context, delivery);
        throw new Error('gateway answered 503');
      },
    };
    const slow: OutboxRetryPolicy = { maxAttempts: 3, retryBaseMs: 60_000, retryMaxMs: 600_000 };
    const [first] = await drain(failing, slow);
    expect(first).toMatchObject({ status: 'failed', attempts: 1, retryInMs: 60_000, error: 'Error: gateway answered 503' });
    const afterFirst = await app.schema.pool.query("select available_at > now() + interval '50 seconds' as waits from outbox where id = $1", [first!.id]);
    expect(afterFirst.rows[0].waits).toBe(true);
    expect(await drain(failing, slow)).toEqual([]);

    await app.schema.pool.query('update outbox set available_at = now() where id = $1', [first!.id]);
    const [second] = await drain(failing, slow);
    expect(second).toMatchObject({ status: 'failed', attempts: 2, retryInMs: 120_000 });
    await app.schema.pool.query('update outbox set available_at = now() where id = $1', [first!.id]);
    const [third] = await drain(failing, slow);
    expect(third).toMatchObject({ status: 'dead', attempts: 3 });
    expect(await rowOf('failing-1')).toMatchObject({
      status: 'dead',
      attempts: 3,
      last_error: 'Error: gateway answered 503',
      dead_at: expect.any(Date),
      dead_reason: { en: 'Failed 3 times; the last error: Error: gateway answered 503', 'zh-CN': '已失败 3 次；最后一次错误：Error: gateway answered 503' },
    });
    expect((await recordedCount('failing')).size).toBe(0);
  });

  it('parks effects without an adapter at once, saying what to configure, and topics nobody handles', async () => {
    await app.schema.pool.query(
      `insert into outbox (topic, payload, idempotency_key, available_at, created_at) values
       ('effect.sendSms', '{"entity":"customer","recordId":1,"actorId":null,"effect":{"type":"sendSms","params":{"to":"customer","templateId":"welcome"}}}', 'no-sms', now(), now()),
       ('effect.createTask', '{"entity":"customer","recordId":1,"actorId":null,"effect":{"type":"createTask","params":{"kind":"call","title":{"en":"Call","zh-CN":"致电"}}}}', 'no-task', now(), now()),
       ('effect.createRecord', '{"entity":"opportunity","recordId":1,"actorId":null,"effect":{"type":"createRecord","params":{"entity":"order"}}}', 'no-record', now(), now()),
       ('nobody.handles', '{}', 'no-handler', now(), now())`,
    );
    await drain(outboxHandlers);
    const sms = await rowOf('no-sms');
    expect(sms).toMatchObject({ status: 'dead', attempts: 1 });
    expect(sms.dead_reason.en).toMatch(/No SMS gateway is configured.*Configure an SMS adapter/);
    expect(sms.dead_reason['zh-CN']).toMatch(/未配置短信网关/);
    expect((await rowOf('no-task')).dead_reason.en).toMatch(/Tasks are not available/);
    expect((await rowOf('no-record')).dead_reason.en).toMatch(/Creating records from effects is not available/);
    expect((await rowOf('no-handler')).dead_reason.en).toMatch(/Nothing in this version of Stagecraft delivers "nobody.handles"/);
  });

  it('never delivers a message twice however many lanes claim at once, and ends each done or dead (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 6 }), async (failures, lanes) => {
        run++;
        const prefix = `prop${run}`;
        await insertRecordedMessages(app.schema.pool, prefix, 0, failures.length);
        const failuresByKey = new Map(failures.map((count, n) => [`${prefix}-${n}`, count]));
        const record = recordingHandler();
        const handlers: OutboxHandlers = {
          [recordedTopic]: async (context, delivery) => {
            await record(context, delivery);
            if (delivery.attempts < failuresByKey.get(delivery.idempotencyKey)!) throw new Error(`planned failure ${delivery.attempts + 1}`);
          },
        };
        await drain(handlers, quickRetry, lanes);
        const recorded = await recordedCount(prefix);
        const { rows } = await app.schema.pool.query('select idempotency_key, status, attempts from outbox where idempotency_key like $1', [`${prefix}-%`]);
        for (const row of rows) {
          const planned = failuresByKey.get(row.idempotency_key)!;
          const delivered = planned < quickRetry.maxAttempts;
          expect(row).toMatchObject({ status: delivered ? 'done' : 'dead', attempts: Math.min(planned + 1, quickRetry.maxAttempts) });
          expect(recorded.get(row.idempotency_key) ?? 0).toBe(delivered ? 1 : 0);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('ownership effects', () => {
  it('releases a customer to the pool when its rep fires RELEASE, and gives it to the rep who fires CLAIM', async () => {
    const id = await aCustomerOfLi();
    expect((await fire(li, id, 'SELECT')).status).toBe(200);
    expect((await fire(li, id, 'RELEASE')).status).toBe(200);
    await drain(outboxHandlers);
    const released = (await api(app, 'GET', `/api/customers/${id}`, { cookie: admin })).body;
    expect(released).toMatchObject({ ownership: 'pool', ownerId: null, owners: [] });

    expect((await fire(zhang, id, 'CLAIM')).status).toBe(200);
    await drain(outboxHandlers);
    const claimed = (await api(app, 'GET', `/api/customers/${id}`, { cookie: admin })).body;
    expect(claimed).toMatchObject({ ownership: 'personal', owners: [expect.objectContaining({ role: 'primary' })] });
    const history = (await api(app, 'GET', `/api/customers/${id}/ownership-history`, { cookie: admin })).body.items;
    expect(history.map((row: { action: string }) => row.action)).toEqual(['create', 'release', 'claim']);
    const { rows } = await app.schema.pool.query(
      "select action, why, request_id from audit_entry where customer_id = $1 and action in ('release', 'claim') order by id",
      [id],
    );
    expect(rows.map((row) => [row.action, row.why.code])).toEqual([
      ['release', 'released'],
      ['claim', 'claimed'],
    ]);
    expect(rows[0].request_id).toMatch(/^outbox:\d+$/);
  });

  it('makes the rep who takes a ticket its assignee, once, and parks the new ticket’s routing effect saying why', async () => {
    const customerId = await aCustomerOfLi();
    const ticket = await api(app, 'POST', `/api/customers/${customerId}/tickets`, { cookie: li, body: { subject: '打印机卡纸', priority: 'normal' } });
    expect(ticket.status).toBe(201);
    expect((await api(app, 'POST', `/api/tickets/${ticket.body.id}/events`, { cookie: li, body: { type: 'TAKE' } })).status).toBe(200);
    await drain(outboxHandlers);
    const { rows } = await app.schema.pool.query('select assignee_id::int as assignee from ticket where id = $1', [ticket.body.id]);
    const liId = (await app.schema.pool.query("select id::int as id from app_user where login = 'rep.li'")).rows[0].id;
    expect(rows[0].assignee).toBe(liId);
    const trail = await app.schema.pool.query("select after, why from audit_entry where entity = 'ticket' and record_id = $1 and action = 'assign'", [ticket.body.id]);
    expect(trail.rows).toEqual([{ after: { assigneeId: liId }, why: { kind: 'reason', code: 'assigned', source: 'effect' } }]);
    const routing = await app.schema.pool.query(
      "select status, dead_reason from outbox where topic = 'effect.assignOwner' and payload->>'entity' = 'ticket' and payload->>'recordId' = $1 and payload->'effect'->'params'->>'to' = 'routing'",
      [String(ticket.body.id)],
    );
    expect(routing.rows).toEqual([{ status: 'dead', dead_reason: expect.objectContaining({ en: expect.stringMatching(/routing policy/) }) }]);
  });

  it('does not undo a newer ownership decision: a release queued before someone claimed the customer is skipped on the trail', async () => {
    const id = await aCustomerOfLi();
    await fire(li, id, 'SELECT');
    await drain(outboxHandlers);
    expect((await fire(li, id, 'RELEASE')).status).toBe(200);
    // Before the release is delivered, the customer changes hands through the ownership API (a reassignment).
    const zhangId = (await app.schema.pool.query("select id::int from app_user where login = 'rep.zhang'")).rows[0].id;
    // The reassignment must be later than the queued release; within one millisecond the two could tie.
    await app.schema.pool.query("update outbox set created_at = created_at - interval '1 second' where idempotency_key like $1", [`customer:${id}:%RELEASE%`]);
    expect((await api(app, 'POST', `/api/customers/${id}/reassign`, { cookie: admin, body: { toUserId: zhangId } })).status).toBe(200);
    await drain(outboxHandlers);
    const after = (await api(app, 'GET', `/api/customers/${id}`, { cookie: admin })).body;
    expect(after).toMatchObject({ ownership: 'personal', ownerId: zhangId });
    const { rows } = await app.schema.pool.query("select why from audit_entry where customer_id = $1 and action = 'effect-skipped'", [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].why).toMatchObject({ code: 'releaseToPoolSkipped' });
  });
});

describe('dead letters for admins', () => {
  async function aDeadLetter(key: string): Promise<number> {
    await app.schema.pool.query(
      `insert into outbox (topic, payload, idempotency_key, available_at, created_at) values ('effect.sendSms', $1, $2, now(), now())`,
      [{ entity: 'customer', recordId: 7, actorId: null, effect: { type: 'sendSms', params: { to: 'customer', templateId: 'welcome' } } }, key],
    );
    await drain(outboxHandlers);
    return (await rowOf(key)).id;
  }

  it('lists dead letters newest first, a page at a time, with topic, error, tries and the reason in both languages', async () => {
    const older = await aDeadLetter('dl-list-1');
    const newer = await aDeadLetter('dl-list-2');
    const first = await api(app, 'GET', '/api/admin/outbox/dead-letters?limit=1', { cookie: admin });
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({ id: newer, topic: 'effect.sendSms', attempts: 1, error: expect.stringMatching(/SMS gateway/), reason: expect.objectContaining({ 'zh-CN': expect.stringMatching(/短信/) }) }),
    ]);
    const second = await api(app, 'GET', `/api/admin/outbox/dead-letters?limit=1&cursor=${first.body.nextCursor}`, { cookie: admin });
    expect(second.body.items[0].id).toBe(older);
  });

  it('retries a dead letter (pending again with fresh tries) and discards another, each with an audit entry', async () => {
    const retried = await aDeadLetter('dl-retry');
    const discarded = await aDeadLetter('dl-discard');
    const retry = await api(app, 'POST', `/api/admin/outbox/dead-letters/${retried}/retry`, { cookie: admin });
    expect(retry).toMatchObject({ status: 200, body: { id: retried, status: 'pending' } });
    expect(await rowOf('dl-retry')).toMatchObject({ status: 'pending', attempts: 0, dead_at: null, dead_reason: null });
    const discard = await api(app, 'POST', `/api/admin/outbox/dead-letters/${discarded}/discard`, { cookie: admin });
    expect(discard).toMatchObject({ status: 200, body: { id: discarded, status: 'discarded' } });
    expect(await rowOf('dl-discard')).toMatchObject({ status: 'discarded' });
    await drain(outboxHandlers);
    expect(await rowOf('dl-discard')).toMatchObject({ status: 'discarded', attempts: 1 });

    const { rows } = await app.schema.pool.query(
      "select record_id::int, action, before, after, actor_id, customer_id::int from audit_entry where entity = 'outbox' and record_id in ($1, $2) order by id",
      [retried, discarded],
    );
    expect(rows).toMatchObject([
      { record_id: retried, action: 'retry-dead-letter', before: { status: 'dead', attempts: 1 }, after: { status: 'pending', attempts: 0 }, customer_id: 7 },
      { record_id: discarded, action: 'discard-dead-letter', after: { status: 'discarded' } },
    ]);
    expect(rows[0].actor_id).not.toBeNull();
  });

  it('answers 404 problem+json for ids that name no dead letter, and 403 to people who may not manage definitions', async () => {
    const done = (await app.schema.pool.query("select id::int from outbox where status = 'done' limit 1")).rows[0].id;
    for (const id of ['abc', '0', '99999999', String(done)]) {
      const response = await api(app, 'POST', `/api/admin/outbox/dead-letters/${id}/retry`, { cookie: admin });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.type).toBe('https://stagecraft.dev/problems/not-found');
    }
    const badCursor = await api(app, 'GET', '/api/admin/outbox/dead-letters?cursor=yesterday', { cookie: admin });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].path).toBe('/query/cursor');
    expect((await api(app, 'GET', '/api/admin/outbox/dead-letters', { cookie: li })).status).toBe(403);
    expect((await api(app, 'POST', `/api/admin/outbox/dead-letters/${done}/discard`, { cookie: li })).status).toBe(403);
  });
});
