import { describe, expect, it } from 'vitest';
import customerLifecycle from '../../definitions/defaults/machines/customer-lifecycle.json' with { type: 'json' };
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { diffDefinitions } from './diff-definitions.ts';
import { diffMachines } from './diff-machines.ts';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A small customer-stage machine: reserve → target → potential, with a recycle timer on potential. */
function aStageMachine(): MachineDefinition {
  return {
    id: 'customer-stages',
    version: 1,
    entity: 'customer',
    label: label('Customer stages', '客户阶段'),
    initial: 'reserve',
    events: {
      UPGRADE: { label: label('Upgrade', '上转') },
      DOWNGRADE: { label: label('Downgrade', '下放') },
    },
    states: {
      reserve: {
        label: label('Reserve', '储备客户'),
        color: '#999999',
        meta: { layout: { x: 0, y: 0 } },
        on: { UPGRADE: { target: 'target', roles: ['rep'] } },
      },
      target: {
        label: label('Target', '目标客户'),
        color: '#3366ff',
        meta: { layout: { x: 200, y: 0 } },
        on: {
          UPGRADE: { target: 'potential', requiredFields: ['industry'] },
          DOWNGRADE: { target: 'reserve' },
        },
      },
      potential: {
        label: label('Potential', '潜在客户'),
        meta: { layout: { x: 400, y: 0 } },
        entry: [{ type: 'setFlags', params: { flags: { contacted: false } } }],
        on: { DOWNGRADE: { target: 'target' } },
        after: {
          '15d': {
            target: 'reserve',
            guard: { fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15 },
            actions: [{ type: 'releaseToPool', params: { reason: 'recycled' } }],
          },
        },
      },
    },
  } as MachineDefinition;
}

type Editable = { states: Record<string, Record<string, any>>; [key: string]: any };

function edited(change: (machine: Editable) => void, original: MachineDefinition = aStageMachine()): MachineDefinition {
  const machine = structuredClone(original) as unknown as Editable;
  change(machine);
  return machine as unknown as MachineDefinition;
}

function renamed(machine: Editable, from: string, to: string): void {
  machine.states = Object.fromEntries(Object.entries(machine.states).map(([id, s]) => [id === from ? to : id, s]));
  const retargetOne = (t: any) => (t?.target === from ? { ...t, target: to } : t);
  const retarget = (t: any) => (Array.isArray(t) ? t.map(retargetOne) : retargetOne(t));
  for (const state of Object.values(machine.states)) {
    for (const event of Object.keys(state.on ?? {})) state.on[event] = retarget(state.on[event]);
    for (const delay of Object.keys(state.after ?? {})) state.after[delay] = retarget(state.after[delay]);
    if (state.always !== undefined) state.always = retarget(state.always);
  }
  if (machine.initial === from) machine.initial = to;
}

describe('machine diff', () => {
  it('finds nothing when only designer positions and colours change', () => {
    const moved = edited((m) => {
      m.states.reserve!.meta.layout = { x: 50, y: 300 };
      m.states.target!.color = '#ff0000';
      delete m.states.potential!.meta;
    });
    expect(diffMachines(aStageMachine(), moved)).toEqual({
      changes: [],
      migration: { disappearingStates: [], suggestedStateMap: {} },
    });
  });

  it('shows a state whose id changed as a rename, not as a removal and an addition', () => {
    const after = edited((m) => renamed(m, 'potential', 'prospect'));
    const diff = diffMachines(aStageMachine(), after);
    expect(diff.changes).toEqual([
      {
        kind: 'stateRenamed',
        path: '/states/prospect',
        state: 'prospect',
        previousState: 'potential',
        summary: {
          en: 'Renamed the state "potential" to "Potential" (prospect).',
          'zh-CN': '阶段“potential”改名为“潜在客户”（prospect）。',
        },
      },
    ]);
    expect(diff.migration).toEqual({ disappearingStates: ['potential'], suggestedStateMap: { potential: 'prospect' } });
  });

  it('recognises a rename whose label changed too, by the shape of its transitions', () => {
    const after = edited((m) => {
      renamed(m, 'potential', 'prospect');
      m.states.prospect!.label = label('Prospect', '意向客户');
    });
    const kinds = diffMachines(aStageMachine(), after).changes.map((c) => [c.kind, c.state, c.properties]);
    expect(kinds).toEqual([
      ['stateRenamed', 'prospect', undefined],
      ['stateChanged', 'prospect', ['label']],
    ]);
  });

  it('lists a removed transition with its path in the older version', () => {
    const after = edited((m) => delete m.states.target!.on.DOWNGRADE);
    const [change, ...rest] = diffMachines(aStageMachine(), after).changes;
    expect(rest).toEqual([]);
    expect(change).toEqual({
      kind: 'transitionRemoved',
      path: '/states/target/on/DOWNGRADE',
      transition: { source: 'target', trigger: 'on:DOWNGRADE', target: 'reserve' },
      before: { target: 'reserve' },
      summary: {
        en: 'Removed the transition from "Target" on DOWNGRADE to "Reserve".',
        'zh-CN': '删除了转换：“目标客户” 事件 DOWNGRADE → “储备客户”。',
      },
    });
  });

  it('lists a removed state with the states records could be left in', () => {
    const after = edited((m) => {
      delete m.states.potential;
      m.states.target!.on.UPGRADE = { target: 'target', requiredFields: ['industry'] };
    });
    const diff = diffMachines(aStageMachine(), after);
    expect(diff.changes.map((c) => c.kind)).toEqual(['stateRemoved', 'transitionRemoved', 'transitionRemoved', 'transitionRetargeted']);
    expect(diff.migration).toEqual({ disappearingStates: ['potential'], suggestedStateMap: {} });
  });

  it('reports changed guards, effects and transition settings separately', () => {
    const after = edited((m) => {
      const recycle = m.states.potential!.after['15d'];
      recycle.guard = { fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 20 };
      recycle.actions.push({ type: 'notify', params: { to: ['owner'], title: label('Recycled', '已回收') } });
      m.states.reserve!.on.UPGRADE.roles = ['rep', 'manager'];
      m.states.potential!.entry = [];
    });
    const changes = diffMachines(aStageMachine(), after).changes;
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['effectsChanged', '/states/potential/entry'],
      ['transitionChanged', '/states/reserve/on/UPGRADE'],
      ['guardChanged', '/states/potential/after/15d/guard'],
      ['effectsChanged', '/states/potential/after/15d/actions'],
    ]);
    expect(changes[1]?.properties).toEqual(['roles']);
    expect(changes[3]?.addedEffects).toEqual([{ type: 'notify', params: { to: ['owner'], title: label('Recycled', '已回收') } }]);
    expect(changes[3]?.summary.en).toBe('Effects of the transition from "Potential" after 15d to "Reserve": added notify.');
  });

  it('reports a new initial state, added states and events', () => {
    const after = edited((m) => {
      m.initial = 'target';
      m.events.CLAIM = { label: label('Claim', '占有') };
      m.states.won = { label: label('Won', '成交客户'), type: 'final' };
      m.states.potential!.on.WIN = { target: 'won' };
    });
    expect(diffMachines(aStageMachine(), after).changes.map((c) => c.kind)).toEqual([
      'initialChanged',
      'eventAdded',
      'stateAdded',
      'transitionAdded',
    ]);
  });

  it('is reached through diffDefinitions for machines', () => {
    const diff = diffDefinitions({ kind: 'machine', before: aStageMachine(), after: aStageMachine() });
    expect(diff.changes).toEqual([]);
  });

  describe('on the default customer lifecycle', () => {
    const lifecycle = customerLifecycle as unknown as MachineDefinition;

    it('finds nothing when every state is moved and repainted', () => {
      const moved = edited((m) => {
        for (const [index, state] of Object.values(m.states).entries()) {
          state.meta = { layout: { x: index * 10, y: -index } };
          state.color = '#000000';
        }
      }, lifecycle);
      expect(diffMachines(lifecycle, moved).changes).toEqual([]);
    });

    it('shows potential renamed to prospect as one rename', () => {
      const after = edited((m) => renamed(m, 'potential', 'prospect'), lifecycle);
      const diff = diffMachines(lifecycle, after);
      expect(diff.changes.map((c) => [c.kind, c.previousState, c.state])).toEqual([['stateRenamed', 'potential', 'prospect']]);
      expect(diff.migration.suggestedStateMap).toEqual({ potential: 'prospect' });
    });
  });
});
