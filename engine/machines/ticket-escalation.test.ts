import { describe, expect, it } from 'vitest';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import type { MachineSnapshot } from './machine-snapshot.ts';
import { pendingTimers } from './pending-timers.ts';
import { drive } from './testing/drive-machine.ts';
import { contextFor, mondayMorning } from './testing/machine-test-context.ts';
import { initialSnapshot, transition } from './transition.ts';

const tickets = defaultMachines['ticket-escalation'];
const system = (facts: Record<string, unknown>, now: Date) => contextFor(tickets, { roles: ['system'], facts, now });

function fireTimer(snapshot: MachineSnapshot, delay: string, facts: Record<string, unknown>) {
  const timer = pendingTimers(tickets, snapshot).find((t) => t.delay === delay);
  if (timer === undefined) throw new Error(`No ${delay} timer in ${snapshot.value}.`);
  return transition(tickets, snapshot, timer.event, system(facts, new Date(timer.dueAt)));
}

describe('ticket escalation', () => {
  it('asks routing for an assignee as soon as a ticket arrives', () => {
    const { snapshot, effects } = initialSnapshot(tickets, contextFor(tickets));
    expect(snapshot.value).toBe('new');
    expect(effects).toEqual([{ type: 'assignOwner', params: { to: 'routing' } }]);
  });

  it('escalates an urgent ticket after its 30-minute service level elapses', () => {
    const result = fireTimer(drive(tickets, []), '30m', { priority: 'urgent' });
    expect(result).toMatchObject({
      ok: true,
      snapshot: { value: 'escalatedLevel1', enteredAt: '2026-11-23T02:00:00.000Z' },
    });
    expect(result.ok && result.effects.map((e) => e.type)).toEqual(['notify', 'createTask']);
  });

  it('lets a normal ticket wait a day before it escalates', () => {
    const early = fireTimer(drive(tickets, []), '30m', { priority: 'normal' });
    expect(!early.ok && early.reason.code).toBe('guardFailed');
    expect(fireTimer(drive(tickets, []), '1d', { priority: 'normal' })).toMatchObject({
      ok: true,
      snapshot: { value: 'escalatedLevel1' },
    });
  });

  it('refuses a timer that fires before it is due', () => {
    const [timer] = pendingTimers(tickets, drive(tickets, []));
    if (timer === undefined) throw new Error('no timer');
    const result = transition(tickets, drive(tickets, []), timer.event, system({ priority: 'urgent' }, mondayMorning));
    expect(!result.ok && result.reason).toMatchObject({ code: 'timerNotDue', path: '/states/new/after/30m' });
  });

  it('runs timers from the moment the stage was entered and replaces them when the stage changes', () => {
    expect(pendingTimers(tickets, drive(tickets, [])).map((t) => [t.delay, t.dueAt])).toEqual([
      ['30m', '2026-11-23T02:00:00.000Z'],
      ['2h', '2026-11-23T03:30:00.000Z'],
      ['1d', '2026-11-24T01:30:00.000Z'],
    ]);
    const later = new Date('2026-11-23T05:00:00Z');
    const assigned = transition(tickets, drive(tickets, []), { type: 'ASSIGNED' }, system({}, later));
    if (!assigned.ok) throw new Error('not assigned');
    expect(pendingTimers(tickets, assigned.snapshot).map((t) => [t.event.type, t.dueAt])).toEqual([
      ['xstate.after.1h.ticket-escalation.assigned', '2026-11-23T06:00:00.000Z'],
      ['xstate.after.4h.ticket-escalation.assigned', '2026-11-23T09:00:00.000Z'],
      ['xstate.after.1d.ticket-escalation.assigned', '2026-11-24T05:00:00.000Z'],
    ]);
    const staleTimer = { type: 'xstate.after.30m.ticket-escalation.new' };
    const stale = transition(tickets, assigned.snapshot, staleTimer, system({}, later));
    expect(!stale.ok && stale.reason.code).toBe('eventNotAccepted');
  });

  it('escalates to level 2 a day after level 1 if still unresolved', () => {
    const level1 = drive(tickets, ['TAKE', 'START_WORK', 'ESCALATE']);
    expect(level1.value).toBe('escalatedLevel1');
    const result = fireTimer(level1, '1d', {});
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'escalatedLevel2' } });
    expect(result.ok && result.effects[0]).toMatchObject({
      type: 'notify',
      params: { to: [{ role: 'admin' }, 'ownerManager'] },
    });
  });

  it('resolves a ticket only after a first response, and tells the customer by SMS', () => {
    const working = drive(tickets, ['TAKE', 'START_WORK']);
    const silent = transition(tickets, working, { type: 'RESOLVE' }, contextFor(tickets));
    expect(!silent.ok && silent.reason.code).toBe('guardFailed');
    const answered = contextFor(tickets, { facts: { first_response_at: '2026-11-23T02:00:00Z' } });
    const resolved = transition(tickets, working, { type: 'RESOLVE' }, answered);
    expect(resolved).toMatchObject({ ok: true, snapshot: { value: 'resolved' } });
    expect(resolved.ok && resolved.effects).toEqual([
      {
        type: 'sendSms',
        params: { to: 'primaryContact', templateId: 'ticket-resolved', variables: { subject: 'subject' } },
      },
    ]);
  });

  it('closes a resolved ticket by itself after 7 days unless the customer reopens it', () => {
    const answered = { first_response_at: '2026-11-23T02:00:00Z' };
    const resolved = drive(tickets, ['TAKE', 'START_WORK', { event: 'RESOLVE', facts: answered }]);
    const closed = fireTimer(resolved, '7d', {});
    expect(closed).toMatchObject({ ok: true, snapshot: { value: 'closed', status: 'done' } });
    if (closed.ok) expect(pendingTimers(tickets, closed.snapshot)).toEqual([]);
    const reopened = transition(tickets, resolved, { type: 'REOPEN' }, system({}, mondayMorning));
    expect(reopened).toMatchObject({ ok: true, snapshot: { value: 'inProgress' } });
  });
});
