import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import { editableFieldsOf, holdsStagePermission, startingPoint } from './customer-stage.ts';

const lifecycle = defaultMachines['customer-lifecycle'];
const context = {
  actor: { userId: '7', roles: ['manager'] },
  facts: { custom_fields: {} },
  now: new Date('2026-11-23T01:30:00Z'),
  timeZone: 'Asia/Shanghai',
  catalogue: defaultFactCatalogues.customer,
};

describe('where a new customer starts', () => {
  it('starts in the machine’s initial stage through the engine', () => {
    const start = startingPoint(lifecycle, lifecycle.initial, context);
    expect(start.snapshot).toMatchObject({ value: 'reserve', flags: { contacted: false }, enteredAt: '2026-11-23T01:30:00.000Z' });
    expect(start.trace.event).toBe('xstate.init');
  });

  it('enters a later stage directly with the flags and entry effects that stage declares, and says so in the trace', () => {
    const start = startingPoint(lifecycle, 'potential', context);
    expect(start.snapshot).toMatchObject({ machine: 'customer-lifecycle', version: 1, value: 'potential', flags: { tracking: 'tracking' }, status: 'active' });
    expect(start.effects.map((effect) => effect.type)).toEqual(['scheduleFollowUp']);
    expect(start.trace).toMatchObject({ event: 'stagecraft.startInStage', to: 'potential', effects: [{ source: '/states/potential/entry/0' }] });
  });

  it('reads who may do what in a stage from the definition', () => {
    expect(holdsStagePermission(lifecycle, 'reserve', 'rep', 'edit')).toBe(true);
    expect(holdsStagePermission(lifecycle, 'potential', 'rep', 'edit')).toBe(false);
    expect(holdsStagePermission(lifecycle, 'potential', 'admin', 'delete')).toBe(true);
    expect(holdsStagePermission(lifecycle, 'potential', 'trainee', 'view')).toBe(false);
    expect(editableFieldsOf(lifecycle, 'reserve')).toContain('phone');
    expect(editableFieldsOf(lifecycle, 'won')).toBeUndefined();
  });
});
