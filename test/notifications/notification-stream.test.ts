import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyEffectHandler } from '../../api/notifications/notify-effect.handler.ts';
import { notificationsRouter } from '../../api/notifications/notifications.router.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { problemMiddleware } from '../../api/http/problem-middleware.ts';
import { deliverOutboxMessage } from '../../api/outbox/deliver-outbox-message.ts';
import { defaultOutboxRetryPolicy } from '../../api/outbox/outbox-retry-policy.ts';
import { scheduleFollowUpHandler } from '../../api/timers/schedule-follow-up.handler.ts';
import { call, signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aScheduler, duePending, eventually, hourMs } from '../timers/timer-fixtures.ts';
import { aNotification, openStream, type OpenStream } from './notification-fixtures.ts';

let app: TestApp;
let li: string;
let zhang: string;
let liId: number;
let zhangId: number;
const streams: OpenStream[] = [];

beforeAll(async () => {
  app = await startTestApp('notification_stream');
  await installGenericTemplate(app);
  [li, zhang] = await Promise.all([signIn(app, 'rep.li'), signIn(app, 'rep.zhang')]);
  [liId, zhangId] = await Promise.all([userIdOf(app, 'rep.li'), userIdOf(app, 'rep.zhang')]);
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await app?.close();
});

async function aStream(cookie: string | undefined, headers: Record<string, string> = {}, base = app.url): Promise<OpenStream> {
  const stream = await openStream(`${base}/api/me/notifications/stream`, cookie, headers);
  streams.push(stream);
  return stream;
}

/** Fires every timer that is due `aheadMs` from now with a real scheduler, then stops it. */
async function fireTimersDueIn(aheadMs: number): Promise<void> {
  const running = await aScheduler(app.orm, aheadMs);
  try {
    await eventually(async () => (await duePending(app, aheadMs)) === 0);
  } finally {
    await running.stop();
  }
}

let serial = 0;

describe('the live notification stream', () => {
  it('pushes a due callback reminder to its owner’s browser, and not to another rep’s', async () => {
    const liStream = await aStream(li);
    const zhangStream = await aStream(zhang);
    expect(liStream.status).toBe(200);
    expect(liStream.contentType).toBe('text/event-stream; charset=utf-8');
    expect(JSON.parse((await liStream.nextEvent('ready'))!.data!)).toEqual({ unreadCount: 0 });
    await zhangStream.nextEvent('ready');

    const customerId = await aCustomerOf(app, li, '回访客户', ++serial);
    const reminderAt = new Date(Date.now() + hourMs).toISOString();
    const logged = await api(app, 'POST', `/api/customers/${customerId}/contact-records`, {
      cookie: li,
      body: { channel: 'call', outcome: 'callbackRequested', notes: '下午三点再打', reminderAt },
    });
    expect(logged.status).toBe(201);
    const { rows: timers } = await app.schema.pool.query("select kind, status, due_at, user_id::int from due_timer where timer_key = $1", [
      `contact_record:${logged.body.id}:reminder`,
    ]);
    expect(timers).toEqual([{ kind: 'reminder', status: 'pending', due_at: new Date(reminderAt), user_id: liId }]);

    await fireTimersDueIn(2 * hourMs);
    const pushed = await liStream.nextEvent('notification');
    const notification = JSON.parse(pushed!.data!);
    expect(pushed!.id).toBe(String(notification.id));
    expect(notification).toMatchObject({
      kind: 'reminder',
      title: { en: `Follow up with 回访客户${serial}号 now`, 'zh-CN': `现在该跟进 回访客户${serial}号 了` },
      body: { en: '下午三点再打', 'zh-CN': '下午三点再打' },
      popup: true,
      link: { entity: 'customer', id: customerId, customerId },
      readAt: null,
    });

    // Zhang's stream carries only what is his: the first notification it sees is the one written for him afterwards.
    const [his] = await aNotification(app, [zhangId]);
    expect(JSON.parse((await zhangStream.nextEvent('notification'))!.data!).id).toBe(his);
    expect((await api(app, 'GET', '/api/me/notifications', { cookie: zhang })).body.items.map((n: { id: number }) => n.id)).toEqual([his]);
    liStream.close();
    zhangStream.close();
  });

  it('sends what was missed since Last-Event-ID when a browser reconnects, each once', async () => {
    const [missedA] = await aNotification(app, [liId]);
    const [missedB] = await aNotification(app, [liId]);
    const stream = await aStream(li, { 'last-event-id': String(missedA! - 1) });
    const first = await stream.next();
    expect(first?.comment).toBeUndefined();
    const events = [await stream.nextEvent('notification'), await stream.nextEvent('notification')];
    expect(events.map((event) => Number(event!.id))).toEqual([missedA, missedB]);
    const ready = await stream.nextEvent('ready');
    expect(JSON.parse(ready!.data!).unreadCount).toBeGreaterThanOrEqual(2);
    const [live] = await aNotification(app, [liId]);
    expect(Number((await stream.nextEvent('notification'))!.id)).toBe(live);
    stream.close();
  });

  it('keeps the stream alive with heartbeat comments and ends it when the session ends', async () => {
    const quick = express();
    quick.use('/api', notificationsRouter(app.orm, { heartbeatMs: 30 }));
    quick.use(problemMiddleware(createLogger('error', () => {})));
    const server: Server = await new Promise((resolve) => {
      const listening = quick.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const session = await signIn(app, 'rep.zhang');
      const stream = await aStream(session, {}, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      let block = await stream.next();
      while (block !== undefined && block.comment !== 'heartbeat') block = await stream.next();
      expect(block?.comment).toBe('heartbeat');
      expect((await call(app, 'POST', '/api/auth/logout', { cookie: session, body: {} })).status).toBeLessThan(300);
      // Read to the end: the server closes the stream at the first heartbeat after the sign-out.
      while (block !== undefined) block = await stream.next();
      expect(block).toBeUndefined();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('effects that tell people', () => {
  it('effect.notify: the ticket’s owner is told once, live, however often the message is delivered', async () => {
    const stream = await aStream(li);
    await stream.nextEvent('ready');
    const customerId = await aCustomerOf(app, li, '工单客户', ++serial);
    const ticket = await api(app, 'POST', `/api/customers/${customerId}/tickets`, { cookie: li, body: { subject: '门锁坏了' } });
    expect((await api(app, 'POST', `/api/tickets/${ticket.body.id}/events`, { cookie: li, body: { type: 'TAKE' } })).status).toBe(200);
    const { rows } = await app.schema.pool.query("select id::int from outbox where topic = 'effect.notify' and payload->>'recordId' = $1", [
      String(ticket.body.id),
    ]);
    expect(rows).toHaveLength(1);
    const handlers = { 'effect.notify': notifyEffectHandler };
    expect(await deliverOutboxMessage(app.orm, handlers, defaultOutboxRetryPolicy, { id: rows[0].id })).toMatchObject({ status: 'done' });
    await app.schema.pool.query("update outbox set status = 'pending' where id = $1", [rows[0].id]);
    expect(await deliverOutboxMessage(app.orm, handlers, defaultOutboxRetryPolicy, { id: rows[0].id })).toMatchObject({ status: 'done' });

    const pushed = JSON.parse((await stream.nextEvent('notification'))!.data!);
    expect(pushed).toMatchObject({
      kind: 'notice',
      title: { en: 'A ticket was assigned to you', 'zh-CN': '有工单分派给您' },
      popup: true,
      link: { entity: 'ticket', id: ticket.body.id, customerId },
    });
    const { rows: written } = await app.schema.pool.query("select user_id::int from notification where entity = 'ticket' and record_id = $1", [ticket.body.id]);
    expect(written).toEqual([{ user_id: liId }]);
    stream.close();
  });

  it('effect.scheduleFollowUp: sets the next follow-up date and reminds the owner before it', async () => {
    const created = await api(app, 'POST', '/api/customers', {
      cookie: li,
      body: { name: `潜在客户${++serial}号`, phone: `137${String(serial).padStart(8, '0')}`, customFields: { industry: 'manufacturing' } },
    });
    expect(created.status).toBe(201);
    const customerId: number = created.body.id;
    const move = async (type: string) => {
      const moved = await api(app, 'POST', `/api/customers/${customerId}/events`, { cookie: li, body: { type } });
      expect(moved.status, `${type}: ${JSON.stringify(moved.body)}`).toBe(200);
    };
    await move('SELECT');
    // A target customer becomes potential once contacted.
    expect((await api(app, 'POST', `/api/customers/${customerId}/contact-records`, { cookie: li, body: { channel: 'call', outcome: 'interested' } })).status).toBe(201);
    await move('UPGRADE');
    const { rows } = await app.schema.pool.query(
      "select id::int, created_at from outbox where topic = 'effect.scheduleFollowUp' and payload->>'recordId' = $1",
      [String(customerId)],
    );
    expect(rows).toHaveLength(1);
    const handlers = { 'effect.scheduleFollowUp': scheduleFollowUpHandler };
    expect(await deliverOutboxMessage(app.orm, handlers, defaultOutboxRetryPolicy, { id: rows[0].id })).toMatchObject({ status: 'done' });
    const followUpAt = new Date(rows[0].created_at.getTime() + 3 * 24 * hourMs);
    const { rows: customer } = await app.schema.pool.query('select next_follow_up_at from customer where id = $1', [customerId]);
    expect(customer).toEqual([{ next_follow_up_at: followUpAt }]);
    const { rows: timers } = await app.schema.pool.query("select kind, status, due_at from due_timer where entity = 'customer' and record_id = $1", [customerId]);
    expect(timers).toEqual([{ kind: 'reminder', status: 'pending', due_at: followUpAt }]);

    await fireTimersDueIn(3 * 24 * hourMs + hourMs);
    const { rows: told } = await app.schema.pool.query("select user_id::int, kind, title, body from notification where entity = 'customer' and record_id = $1", [customerId]);
    expect(told).toEqual([
      {
        user_id: liId,
        kind: 'reminder',
        title: { en: `Follow-up due: 潜在客户${serial}号`, 'zh-CN': `跟进到期：潜在客户${serial}号` },
        body: { en: 'First revisit of a new potential customer', 'zh-CN': '新潜在客户的首次回访' },
      },
    ]);
  });
});
