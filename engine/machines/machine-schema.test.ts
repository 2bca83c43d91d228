import { describe, expect, it } from 'vitest';
import { machineDefinitionSchema, type MachineDefinition } from '../../definitions/machine.schema.ts';
import { compileSchemaCheck } from '../validation/schema-validator.ts';

const check = compileSchemaCheck(machineDefinitionSchema);
const label = { en: 'Stage', 'zh-CN': '阶段' };

function minimalMachine(): MachineDefinition {
  return {
    id: 'lead-qualification',
    version: 1,
    entity: 'lead',
    label,
    initial: 'fresh',
    events: { QUALIFY: { label } },
    states: {
      fresh: {
        label,
        flags: { contacted: false },
        on: {
          QUALIFY: [
            {
              target: 'qualified',
              roles: ['rep'],
              guard: { fact: 'score', operator: 'greaterThan', value: 50 },
              actions: [{ type: 'setFlags', params: { flags: { contacted: true } } }],
            },
            { target: 'fresh' },
          ],
        },
        after: { '1d12h': { target: 'qualified' } },
      },
      qualified: { label, type: 'final' },
    },
  };
}

describe('the machine definition schema', () => {
  it('accepts a machine with guarded transitions, flags and a timer', () => {
    expect(check(minimalMachine())).toBe(true);
  });

  it('accepts a single transition or a non-empty list of them per event', () => {
    const machine = minimalMachine();
    const fresh = machine.states['fresh'];
    if (fresh === undefined) throw new Error('no fresh');
    fresh.on = { QUALIFY: { target: 'qualified' } };
    expect(check(machine)).toBe(true);
    fresh.on = { QUALIFY: [] };
    expect(check(machine)).toBe(false);
  });

  it.each(['15d', '4h', '1d12h', '90m', '30s', '2d3h4m5s'])('reads %s as a duration', (delay) => {
    const machine = minimalMachine();
    machine.states['fresh']!.after = { [delay]: { target: 'qualified' } };
    expect(check(machine)).toBe(true);
  });

  it.each(['', '15', 'd', '4h1d', '1.5h', '15 d', 'P1D'])('refuses %j as a duration', (delay) => {
    const machine = minimalMachine();
    machine.states['fresh']!.after = { [delay]: { target: 'qualified' } };
    expect(check(machine)).toBe(false);
  });

  it('refuses event names XState would read as its own or as a wildcard', () => {
    for (const name of ['xstate.init', '*', 'qualify', 'QUALIFY.NOW']) {
      const machine = minimalMachine();
      machine.states['fresh']!.on = { [name]: { target: 'qualified' } };
      expect(check(machine), name).toBe(false);
    }
  });

  it('keeps roles, permissions and required fields off automatic transitions', () => {
    const machine = minimalMachine() as unknown as { states: { fresh: { after: Record<string, unknown> } } };
    machine.states.fresh.after = { '1d': { target: 'qualified', roles: ['rep'] } };
    expect(check(machine)).toBe(false);
  });
});
