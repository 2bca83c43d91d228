import { describe, expect, it } from 'vitest';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import { pendingTimers } from './pending-timers.ts';
import { drive } from './testing/drive-machine.ts';
import { contextFor } from './testing/machine-test-context.ts';
import { initialSnapshot, transition } from './transition.ts';

const funnel = defaultMachines['opportunity-funnel'];
const priced = { amount: '120000.00', expected_close_on: '2026-12-31', owner_id: 'rep-li-hong', custom_fields: {} };
const asRep = (facts: Record<string, unknown> = priced) => contextFor(funnel, { facts });
const proposal = () => drive(funnel, [{ event: 'ADVANCE', facts: priced }]);
const negotiation = () => drive(funnel, [{ event: 'ADVANCE', facts: priced }, { event: 'ADVANCE', facts: priced }]);

describe('the opportunity funnel', () => {
  it('starts an opportunity in qualification at a 10% chance, selling', () => {
    const { snapshot } = initialSnapshot(funnel, asRep());
    expect(snapshot).toMatchObject({ value: 'qualification', flags: { selling: 'selling' } });
    expect(funnel.states[snapshot.value]?.probability).toBe(10);
  });

  it('asks for the amount before a proposal goes out', () => {
    const result = transition(funnel, drive(funnel, []), { type: 'ADVANCE' }, asRep({ custom_fields: {} }));
    expect(!result.ok && result.reason.code).toBe('requiredFieldMissing');
    expect(!result.ok && result.reason.message.en).toBe('Fill in amount before “Send a proposal”.');
  });

  it('emits a createRecord effect for the order when an opportunity is won', () => {
    const result = transition(funnel, negotiation(), { type: 'MARK_WON' }, asRep());
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'won', flags: { selling: 'ended' }, status: 'done' } });
    expect(result.ok && result.effects[0]).toEqual({
      type: 'createRecord',
      params: { entity: 'order', copyFields: { amount: 'amount', ownerId: 'ownerId' }, linkToSource: true },
    });
    expect(result.ok && result.effects.map((e) => e.type)).toEqual(['createRecord', 'notify']);
  });

  it('does not win an opportunity worth nothing, and shows the amount it saw', () => {
    const result = transition(funnel, proposal(), { type: 'MARK_WON' }, asRep({ ...priced, amount: '0' }));
    expect(!result.ok && result.reason.code).toBe('guardFailed');
    const guard = result.trace.considered[0]?.checks.find((c) => c.check === 'guard');
    expect(guard).toMatchObject({
      passed: false,
      trace: { kind: 'leaf', fact: 'amount', factValue: 0, result: false },
    });
  });

  it('lets nothing happen to a won opportunity any more', () => {
    const won = transition(funnel, negotiation(), { type: 'MARK_WON' }, asRep());
    if (!won.ok) throw new Error('not won');
    const after = transition(funnel, won.snapshot, { type: 'MARK_LOST' }, asRep());
    expect(!after.ok && after.reason.code).toBe('machineDone');
    expect(pendingTimers(funnel, won.snapshot)).toEqual([]);
  });

  it('does not advance a paused opportunity until selling resumes', () => {
    const paused = drive(funnel, ['PAUSE_SELLING']);
    expect(paused.flags).toEqual({ selling: 'paused' });
    expect(transition(funnel, paused, { type: 'ADVANCE' }, asRep())).toMatchObject({
      ok: false,
      reason: { code: 'flagsMismatch' },
    });
    const resumed = drive(funnel, ['PAUSE_SELLING', 'RESUME_SELLING', { event: 'ADVANCE', facts: priced }]);
    expect(resumed.value).toBe('proposal');
  });

  it('pauses selling when its customer pauses tracking', () => {
    const system = contextFor(funnel, { roles: ['system'] });
    const result = transition(funnel, proposal(), { type: 'CUSTOMER_TRACKING_PAUSED' }, system);
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'proposal', flags: { selling: 'paused' } } });
  });

  it('closes an opportunity paused for 90 days in its stage as lost', () => {
    const paused = drive(funnel, ['PAUSE_SELLING']);
    const [timer] = pendingTimers(funnel, paused);
    expect(timer).toMatchObject({ delay: '90d', targets: ['lost'], dueAt: '2027-02-21T01:30:00.000Z' });
    if (timer === undefined) return;
    const due = contextFor(funnel, { roles: ['system'], now: new Date(timer.dueAt) });
    expect(transition(funnel, paused, timer.event, due)).toMatchObject({ ok: true, snapshot: { value: 'lost' } });
    expect(transition(funnel, drive(funnel, []), timer.event, due)).toMatchObject({
      ok: false,
      reason: { code: 'flagsMismatch' },
    });
  });
});
