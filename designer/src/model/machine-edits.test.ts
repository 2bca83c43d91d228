import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMachines } from '../../../definitions/defaults/machines/default-machines.ts';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import { execute, redo, startStack, undo, type CommandStack } from './command-stack.ts';
import { layoutMachine } from './layout-machine.ts';
import {
  addState,
  addTransition,
  moveState,
  removeState,
  removeTransition,
  setEventLabel,
  updateState,
  updateTransition,
  type MachineEdit,
} from './machine-edits.ts';
import { transitionsOfMachine } from './machine-transitions.ts';

const customerMachine = (): MachineDefinition => structuredClone(defaultMachines['customer-lifecycle']) as MachineDefinition;

describe('machine edits', () => {
  it('adds a stage between potential and opportunity and wires it in both directions', () => {
    let machine = customerMachine();
    machine = addState('qualified', { en: 'Qualified', 'zh-CN': '合格客户' }, { x: 10, y: 20 })(machine);
    machine = addTransition('potential', 'QUALIFY', 'qualified')(machine);
    machine = addTransition('qualified', 'UPGRADE', 'opportunity')(machine);
    expect(machine.states.qualified).toEqual({
      label: { en: 'Qualified', 'zh-CN': '合格客户' },
      meta: { layout: { x: 10, y: 20 } },
      on: { UPGRADE: { target: 'opportunity' } },
    });
    expect(machine.states.potential!.on!.QUALIFY).toEqual({ target: 'qualified' });
    expect(machine.events.QUALIFY).toEqual({ label: { en: 'QUALIFY', 'zh-CN': 'QUALIFY' } });
  });

  it('turns a second transition on one event into a list and removes items from it', () => {
    const machine = addTransition('potential', 'UPGRADE', 'won')(customerMachine());
    const upgrade = machine.states.potential!.on!.UPGRADE;
    expect(Array.isArray(upgrade) && upgrade.map((t) => t.target)).toEqual(['opportunity', 'won']);
    const back = removeTransition({ source: 'potential', trigger: { kind: 'on', event: 'UPGRADE' }, index: 1 })(machine);
    expect(back.states.potential!.on!.UPGRADE).toEqual([customerMachine().states.potential!.on!.UPGRADE]);
  });

  it('leaves transitions into a removed state dangling, for validation to name', () => {
    const machine = removeState('opportunity')(customerMachine());
    const dangling = transitionsOfMachine(machine).filter((t) => t.transition.target === 'opportunity');
    expect(dangling.map((t) => t.pointer)).toContain('/states/potential/on/UPGRADE');
  });

  it('removes optional fields patched to undefined', () => {
    const address = { source: 'target', trigger: { kind: 'on', event: 'UPGRADE' }, index: null } as const;
    const machine = updateTransition(address, { requiredFields: undefined, roles: ['rep'] })(customerMachine());
    expect(machine.states.target!.on!.UPGRADE).not.toHaveProperty('requiredFields');
    expect(machine.states.target!.on!.UPGRADE).toMatchObject({ roles: ['rep'], target: 'potential' });
  });

  it('keeps manual positions and lays out the rest', () => {
    const machine = moveState('won', { x: 900.4, y: 12.6 })(customerMachine());
    const positions = layoutMachine(machine);
    expect(positions.won).toEqual({ x: 900, y: 13 });
    expect(Object.keys(positions).sort()).toEqual(Object.keys(machine.states).sort());
    // Layered left to right: reserve comes before won.
    expect(positions.reserve!.x).toBeLessThan(layoutMachine(customerMachine()).won!.x);
  });
});

const stateKeys = ['reserve', 'target', 'potential', 'opportunity', 'won', 'nurture', 'lost'];
const events = ['UPGRADE', 'DOWNGRADE', 'NURTURE', 'CLOSE'];
const key = fc.constantFrom(...stateKeys);
const edit: fc.Arbitrary<MachineEdit> = fc.oneof(
  fc.tuple(key, fc.string({ minLength: 1, maxLength: 8 })).map(([k, text]) => addState(k, { en: text, 'zh-CN': text })),
  key.map((k) => removeState(k)),
  fc.tuple(key, fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 })).map(([k, x, y]) => moveState(k, { x, y })),
  fc.tuple(key, fc.constantFrom('#ff0000', '#00aa00', undefined)).map(([k, color]) => updateState(k, { color })),
  fc.tuple(key, fc.constantFrom(...events), key).map(([from, event, to]) => addTransition(from, event, to)),
  fc.tuple(key, fc.constantFrom(...events), fc.constantFrom(null, 0, 1)).map(([source, event, index]) =>
    removeTransition({ source, trigger: { kind: 'on', event }, index }),
  ),
  fc.tuple(key, fc.constantFrom(...events), key).map(([source, event, target]) =>
    updateTransition({ source, trigger: { kind: 'on', event }, index: null }, { target }),
  ),
  fc.tuple(fc.constantFrom(...events), fc.string({ minLength: 1 })).map(([event, text]) => setEventLabel(event, { en: text, 'zh-CN': text })),
);

describe('the command stack', () => {
  it('restores the exact definition after undoing any N edits, and redo replays them exactly', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const original = customerMachine();
        const frozen = JSON.stringify(original);
        let stack: CommandStack<MachineDefinition> = startStack(original);
        const after: string[] = [];
        for (const e of edits) {
          stack = execute(stack, e);
          after.push(JSON.stringify(stack.present));
        }
        const finalText = JSON.stringify(stack.present);
        while (stack.past.length > 0) stack = undo(stack);
        expect(JSON.stringify(stack.present)).toBe(frozen);
        // Edits never mutate what they were given: the document the stack started from is untouched.
        expect(JSON.stringify(original)).toBe(frozen);
        while (stack.future.length > 0) stack = redo(stack);
        expect(JSON.stringify(stack.present)).toBe(finalText);
      }),
      { numRuns: 300 },
    );
  });

  it('records nothing for an edit that changes nothing, and a new edit clears redo', () => {
    let stack = startStack(customerMachine());
    stack = execute(stack, removeState('no-such-state'));
    expect(stack.past).toHaveLength(0);
    stack = execute(stack, moveState('won', { x: 1, y: 1 }));
    stack = undo(stack);
    expect(stack.future).toHaveLength(1);
    stack = execute(stack, moveState('won', { x: 2, y: 2 }));
    expect(stack.future).toHaveLength(0);
  });
});
