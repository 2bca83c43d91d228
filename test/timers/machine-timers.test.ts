import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { MachineSnapshot } from '../../engine/machines/index.ts';
import { runCommand } from '../../api/commands/run-command.ts';
import { syncMachineTimers } from '../../api/timers/sync-machine-timers.ts';
import { signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aScheduler, duePending, eventually, hourMs, timersOf } from './timer-fixtures.ts';

let app: TestApp;
let li: string;

beforeAll(async () => {
  app = await startTestApp('machine_timers');
  await installGenericTemplate(app);
  li = await signIn(app, 'rep.li');
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
async function aTicket(priority: string): Promise<{ id: number; createdAt: string }> {
  const customerId = await aCustomerOf(app, li, '计时客户', ++serial);
  const response = await api(app, 'POST', `/api/customers/${customerId}/tickets`, { cookie: li, body: { subject: '椅子坏了', priority } });
  if (response.status !== 201) throw new Error(`ticket answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

async function ticketRow(id: number): Promise<{ status: string; machine_snapshot: MachineSnapshot; version: number }> {
  const { rows } = await app.schema.pool.query('select status, machine_snapshot, version from ticket where id = $1', [id]);
  return rows[0];
}

async function ticketMachine(): Promise<MachineDefinition> {
  const { rows } = await app.schema.pool.query("select document from definition_version where kind = 'machine' and document->>'entity' = 'ticket' order by version desc limit 1");
  return rows[0].document;
}

describe('machine timers', () => {
  it('gives a new ticket the timers of its first state, due from the moment it was opened', async () => {
    const ticket = await aTicket('normal');
    const { machine_snapshot: snapshot } = await ticketRow(ticket.id);
    const timers = await timersOf(app, 'ticket', ticket.id);
    const opened = Date.parse(snapshot.enteredAt);
    expect(timers.map((t) => [t.kind, t.event_type, t.status, t.due_at.getTime() - opened])).toEqual([
      ['machine', 'xstate.after.30m.ticket-escalation.new', 'pending', 30 * 60_000],
      ['machine', 'xstate.after.2h.ticket-escalation.new', 'pending', 2 * hourMs],
      ['machine', 'xstate.after.1d.ticket-escalation.new', 'pending', 24 * hourMs],
    ]);
    expect(timers[2]?.details).toMatchObject({ stage: 'new', delay: '1d', targets: ['escalatedLevel1'] });
  });

  it('cancels the timers of the state left and adds those of the state entered; syncing twice changes nothing', async () => {
    const ticket = await aTicket('high');
    const machine = await ticketMachine();
    const before = (await ticketRow(ticket.id)).machine_snapshot;
    const after: MachineSnapshot = { ...before, value: 'assigned', enteredAt: new Date(Date.parse(before.enteredAt) + 60_000).toISOString() };
    const sync = () =>
      runCommand(app.orm, { actorId: null }, (context) => syncMachineTimers(context, { entity: 'ticket', recordId: ticket.id, machine, before, after }));
    await sync();
    const once = await timersOf(app, 'ticket', ticket.id);
    await sync();
    expect(await timersOf(app, 'ticket', ticket.id)).toEqual(once);

    expect(once.filter((t) => t.status === 'cancelled').map((t) => [t.event_type, t.outcome])).toEqual([
      ['xstate.after.30m.ticket-escalation.new', { cancelled: { code: 'stageLeft', stage: 'new' } }],
      ['xstate.after.2h.ticket-escalation.new', { cancelled: { code: 'stageLeft', stage: 'new' } }],
      ['xstate.after.1d.ticket-escalation.new', { cancelled: { code: 'stageLeft', stage: 'new' } }],
    ]);
    expect(once.filter((t) => t.status === 'pending').map((t) => t.event_type)).toEqual([
      'xstate.after.1h.ticket-escalation.assigned',
      'xstate.after.4h.ticket-escalation.assigned',
      'xstate.after.1d.ticket-escalation.assigned',
    ]);
  });

  it('moves the timers with an event sent over the API, in the statement that moves the ticket', async () => {
    const ticket = await aTicket('normal');
    const taken = await api(app, 'POST', `/api/tickets/${ticket.id}/events`, { cookie: li, body: { type: 'TAKE' } });
    expect(taken.status).toBe(200);
    expect(taken.body.to).toBe('assigned');
    const timers = await timersOf(app, 'ticket', ticket.id);
    expect(timers.filter((t) => t.status === 'cancelled').map((t) => t.event_type)).toEqual([
      'xstate.after.30m.ticket-escalation.new',
      'xstate.after.2h.ticket-escalation.new',
      'xstate.after.1d.ticket-escalation.new',
    ]);
    const { machine_snapshot: snapshot } = await ticketRow(ticket.id);
    expect(timers.filter((t) => t.status === 'pending').map((t) => [t.event_type, t.due_at.getTime() - Date.parse(snapshot.enteredAt)])).toEqual([
      ['xstate.after.1h.ticket-escalation.assigned', hourMs],
      ['xstate.after.4h.ticket-escalation.assigned', 4 * hourMs],
      ['xstate.after.1d.ticket-escalation.assigned', 24 * hourMs],
    ]);
  });

  it('leaves the timers alone for a move that keeps the stage and the time it was entered', async () => {
    const ticket = await aTicket('low');
    const machine = await ticketMachine();
    const snapshot = (await ticketRow(ticket.id)).machine_snapshot;
    const before = await timersOf(app, 'ticket', ticket.id);
    await runCommand(app.orm, { actorId: null }, (context) =>
      syncMachineTimers(context, { entity: 'ticket', recordId: ticket.id, machine, before: snapshot, after: { ...snapshot, flags: {} } }),
    );
    expect(await timersOf(app, 'ticket', ticket.id)).toEqual(before);
  });

  it('fires a due timer as the machine’s event: the guard decides, refused timers are cancelled with the reason', async () => {
    const normal = await aTicket('normal');
    const urgent = await aTicket('urgent');
    const ahead = 25 * hourMs;
    const running = await aScheduler(app.orm, ahead);
    try {
      await eventually(async () => (await duePending(app, ahead)) === 0);
    } finally {
      await running.stop();
    }

    // The normal ticket: 30 minutes and 2 hours are for urgent and high tickets only; a day escalates it.
    const normalTimers = await timersOf(app, 'ticket', normal.id);
    expect(normalTimers.filter((t) => t.event_type?.includes('.new')).map((t) => [t.event_type, t.status])).toEqual([
      ['xstate.after.30m.ticket-escalation.new', 'cancelled'],
      ['xstate.after.2h.ticket-escalation.new', 'cancelled'],
      ['xstate.after.1d.ticket-escalation.new', 'fired'],
    ]);
    expect(normalTimers[0]?.outcome).toMatchObject({ refused: { code: 'guardFailed' } });
    expect(normalTimers[2]?.outcome).toMatchObject({ from: 'new', to: 'escalatedLevel1' });
    expect((await ticketRow(normal.id)).status).toBe('escalatedLevel1');
    // The state entered has its own timer, due a day after the escalation (not yet).
    expect(normalTimers.filter((t) => t.status === 'pending').map((t) => t.event_type)).toEqual(['xstate.after.1d.ticket-escalation.escalatedLevel1']);

    // The urgent ticket escalates at 30 minutes; its longer timers die with the stage it left.
    const urgentTimers = await timersOf(app, 'ticket', urgent.id);
    expect(urgentTimers.filter((t) => t.event_type?.includes('.new')).map((t) => [t.event_type, t.status])).toEqual([
      ['xstate.after.30m.ticket-escalation.new', 'fired'],
      ['xstate.after.2h.ticket-escalation.new', 'cancelled'],
      ['xstate.after.1d.ticket-escalation.new', 'cancelled'],
    ]);

    // The escalation's effects left through the outbox, keyed by the timer that caused them.
    const fired = urgentTimers[0]!;
    const { rows } = await app.schema.pool.query("select topic, idempotency_key from outbox where idempotency_key like $1 order by id", [
      `ticket:${urgent.id}:%:timer:${fired.id}:%`,
    ]);
    expect(rows.map((row) => row.topic)).toEqual(['effect.notify', 'effect.createTask']);
    const { rows: audit } = await app.schema.pool.query(
      "select actor_id, before->>'stage' as from, after->>'stage' as to from audit_entry where entity = 'ticket' and record_id = $1 and action = 'event'",
      [urgent.id],
    );
    expect(audit).toEqual([{ actor_id: null, from: 'new', to: 'escalatedLevel1' }]);
  });

  it('cancels the timers of a record that is gone when they fall due', async () => {
    const ticket = await aTicket('normal');
    await app.schema.pool.query('update ticket set deleted_at = now() where id = $1', [ticket.id]);
    const ahead = 25 * hourMs;
    const running = await aScheduler(app.orm, ahead);
    try {
      await eventually(async () => (await duePending(app, ahead)) === 0);
    } finally {
      await running.stop();
    }
    const timers = await timersOf(app, 'ticket', ticket.id);
    expect(timers.map((t) => [t.status, t.outcome])).toEqual(timers.map(() => ['cancelled', { cancelled: { code: 'recordGone' } }]));
  });
});
