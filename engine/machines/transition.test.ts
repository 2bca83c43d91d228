import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { compileMachine } from './compile-machine.ts';
import { pendingTimers } from './pending-timers.ts';
import { drive } from './testing/drive-machine.ts';
import { contextFor, defaultValidationDeps, mondayMorning } from './testing/machine-test-context.ts';
import { initialSnapshot, transition } from './transition.ts';
import { validateMachine } from './validate-machine.ts';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A small ticket machine with an `always` shortcut and a reminder that re-enters its stage. */
function triageMachine(): MachineDefinition {
  return {
    id: 'ticket-triage',
    version: 3,
    entity: 'ticket',
    label: label('Triage', '分诊'),
    initial: 'incoming',
    events: { TRIAGE: { label: label('Triage', '分诊') }, NUDGE: { label: label('Nudge', '催办') } },
    states: {
      incoming: {
        label: label('Incoming', '待分诊'),
        always: { target: 'urgent', guard: { fact: 'priority', operator: 'equal', value: 'urgent' } },
        on: { TRIAGE: { target: 'queued' } },
      },
      queued: {
        label: label('Queued', '排队中'),
        always: { target: 'urgent', guard: { fact: 'priority', operator: 'equal', value: 'urgent' } },
        on: {
          NUDGE: {
            target: 'queued',
            reenter: true,
            actions: [{ type: 'notify', params: { to: ['owner'], title: label('Nudged', '已催办') } }],
          },
        },
        after: { '2h': { target: 'urgent' } },
      },
      urgent: { label: label('Urgent', '紧急'), type: 'final' },
    },
  };
}

const tickets = defaultMachines['ticket-escalation'];
const lifecycle = defaultMachines['customer-lifecycle'];

describe('taking a transition', () => {
  it('accepts a snapshot that went through JSON, as it comes back from the database', () => {
    const stored = JSON.parse(JSON.stringify(drive(lifecycle, ['SELECT', 'CONTACT_LOGGED'])));
    const context = contextFor(lifecycle, { facts: { custom_fields: { industry: 'it' } } });
    const result = transition(lifecycle, stored, { type: 'UPGRADE' }, context);
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'potential' } });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('refuses a snapshot of another definition or version, to be migrated first', () => {
    const snapshot = { ...drive(lifecycle, []), version: 2 };
    const result = transition(lifecycle, snapshot, { type: 'SELECT' }, contextFor(lifecycle));
    expect(!result.ok && result.reason).toMatchObject({
      code: 'snapshotMismatch',
      message: { en: 'The record runs on customer-lifecycle@2, not on customer-lifecycle@1; migrate it first.' },
    });
  });

  it('refuses a snapshot in a stage the definition does not have', () => {
    const archived = { ...drive(lifecycle, []), value: 'archive' };
    const result = transition(lifecycle, archived, { type: 'SELECT' }, contextFor(lifecycle));
    expect(!result.ok && result.reason.code).toBe('unknownState');
  });

  it('refuses an event the stage does not handle, pointing at the stage', () => {
    const result = transition(lifecycle, drive(lifecycle, []), { type: 'UPGRADE' }, contextFor(lifecycle));
    expect(!result.ok && result.reason).toEqual({
      path: '/states/reserve/on',
      code: 'eventNotAccepted',
      message: { en: 'UPGRADE does nothing in stage “Reserve customer”.', 'zh-CN': '在“储备客户”阶段不能处理 UPGRADE。' },
    });
  });

  it('compiles a definition once per catalogue', () => {
    const catalogue = defaultFactCatalogues.customer;
    expect(compileMachine(lifecycle, catalogue)).toBe(compileMachine(lifecycle, catalogue));
  });

  it('hands out timer events exactly as XState names its after events', () => {
    const { machine } = compileMachine(tickets, defaultFactCatalogues.ticket);
    const xstateEvents = machine.states['new']?.after.map((t: { eventType: string }) => t.eventType);
    expect(pendingTimers(tickets, drive(tickets, [])).map((t) => t.event.type)).toEqual(xstateEvents);
  });

  it('never passes the actions it returns to anything: effects are data', () => {
    const result = transition(lifecycle, drive(lifecycle, []), { type: 'SELECT' }, contextFor(lifecycle));
    expect(result.ok && result.effects).toEqual([{ type: 'assignOwner', params: { to: 'actor' } }]);
    expect(result.trace.effects).toEqual([
      { source: '/states/reserve/on/SELECT/actions/0', effect: { type: 'assignOwner', params: { to: 'actor' } } },
    ]);
  });
});

describe('starting a record', () => {
  const machines = Object.values(defaultMachines);
  const later = new Date(mondayMorning.getTime() + 86_400_123);

  it('starts every default machine at each instant exactly as a freshly compiled machine does', () => {
    for (const machine of machines) {
      const first = initialSnapshot(machine, contextFor(machine));
      const again = initialSnapshot(machine, contextFor(machine, { now: later, userId: 'someone-else', roles: ['manager'] }));
      const fresh = initialSnapshot(structuredClone(machine), contextFor(machine, { now: later, userId: 'someone-else', roles: ['manager'] }));
      expect(again, machine.id).toEqual(fresh);
      expect(again.snapshot.enteredAt).toBe(later.toISOString());
      expect(first.snapshot.enteredAt).toBe(mondayMorning.toISOString());
    }
  });

  it('hands every caller a start of its own', () => {
    const lead = defaultMachines['lead-qualification'];
    const first = initialSnapshot(lead, contextFor(lead));
    (first.snapshot.flags as Record<string, unknown>)['tampered'] = true;
    first.trace.taken.push('/tampered');
    first.snapshot.value = 'tampered';
    const second = initialSnapshot(lead, contextFor(lead));
    expect(second).toEqual(initialSnapshot(structuredClone(lead), contextFor(lead)));
  });
});

describe('automatic transitions', () => {
  const triage = triageMachine();

  it('is a definition the validator accepts', () => {
    expect(validateMachine(triage, defaultValidationDeps(triage))).toEqual([]);
  });

  it('follows an always transition straight from the initial stage when its guard holds', () => {
    const { snapshot, trace } = initialSnapshot(triage, contextFor(triage, { facts: { priority: 'urgent' } }));
    expect(snapshot).toMatchObject({ value: 'urgent', status: 'done' });
    expect(trace.taken).toEqual(['/states/incoming/always']);
  });

  it('follows an always transition after the event that led to its stage, tracing both', () => {
    const start = initialSnapshot(triage, contextFor(triage, { facts: { priority: 'low' } })).snapshot;
    const result = transition(triage, start, { type: 'TRIAGE' }, contextFor(triage, { facts: { priority: 'urgent' } }));
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'urgent' } });
    expect(result.trace.taken).toEqual(['/states/incoming/on/TRIAGE', '/states/queued/always']);
    expect(result.trace).toMatchObject({ from: 'incoming', to: 'urgent' });
  });

  it('restarts a stage’s timers on a re-entering self-transition', () => {
    const low = { facts: { priority: 'low' } };
    const incoming = initialSnapshot(triage, contextFor(triage, low)).snapshot;
    const queued = transition(triage, incoming, { type: 'TRIAGE' }, contextFor(triage, low));
    if (!queued.ok) throw new Error('not queued');
    expect(pendingTimers(triage, queued.snapshot)[0]?.dueAt).toBe('2026-11-23T03:30:00.000Z');
    const later = new Date(mondayMorning.getTime() + 3_600_000);
    const nudged = transition(triage, queued.snapshot, { type: 'NUDGE' }, contextFor(triage, { ...low, now: later }));
    if (!nudged.ok) throw new Error('not nudged');
    expect(nudged.effects.map((e) => e.type)).toEqual(['notify']);
    expect(pendingTimers(triage, nudged.snapshot)[0]?.dueAt).toBe('2026-11-23T04:30:00.000Z');
  });
});
