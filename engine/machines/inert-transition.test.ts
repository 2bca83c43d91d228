import { describe, expect, it } from 'vitest';
import { transition as xstateTransition } from 'xstate';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import { compileMachine } from './compile-machine.ts';
import { inertTransition } from './inert-transition.ts';
import { runKey, type MachineRun, type RunContext } from './machine-run.ts';
import { contextFor } from './testing/machine-test-context.ts';

describe('a transition through the shared inert scope', () => {
  it('answers every event in every stage of every default machine exactly as XState’s own transition does', () => {
    let compared = 0;
    for (const machine of Object.values(defaultMachines)) {
      const { machine: xstateMachine } = compileMachine(machine, contextFor(machine).catalogue);
      for (const stage of Object.keys(machine.states)) {
        const current = xstateMachine.resolveState({ value: stage, context: { flags: {}, enteredAt: '2026-11-23T01:00:00.000Z' } satisfies RunContext });
        for (const type of Object.keys(machine.events)) {
          const run = (): MachineRun => ({ context: contextFor(machine, { roles: ['admin'] }), considered: [], taken: [] });
          const ours = { type, [runKey]: run() };
          const theirs = { type, [runKey]: run() };
          const [oursNext, oursActions] = inertTransition(xstateMachine, current, ours);
          const [theirsNext, theirsActions] = xstateTransition(xstateMachine, current, theirs);
          expect([oursNext.value, oursNext.context, oursNext.status], `${machine.id} ${stage} ${type}`).toEqual([theirsNext.value, theirsNext.context, theirsNext.status]);
          expect(oursActions.map((action) => [action.type, action.params]), `${machine.id} ${stage} ${type}`).toEqual(
            theirsActions.map((action) => [action.type, action.params]),
          );
          expect(ours[runKey]).toEqual(theirs[runKey]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
