import { describe, expect, it } from 'vitest';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { ProblemEntry } from './problem-entry.ts';
import { liveProblems, machineGraphChecks } from './live-problems.ts';

const machine = (): MachineDefinition =>
  ({
    id: 'm',
    entity: 'customer',
    version: 1,
    initial: 'a',
    events: { GO: { label: { en: 'Go', 'zh-CN': '前进' } } },
    states: {
      a: { label: { en: 'A', 'zh-CN': '甲' }, on: { GO: { target: 'b' } } },
      b: { label: { en: 'B', 'zh-CN': '乙' } },
    },
  }) as unknown as MachineDefinition;

describe('machineGraphChecks', () => {
  it('finds nothing wrong with a sound machine', () => {
    expect(machineGraphChecks(machine())).toEqual([]);
  });

  it('names a dangling edge and the stage it left unreachable, with the engine’s paths and codes', () => {
    const dangling = machine();
    (dangling.states.a!.on!.GO as { target: string }).target = 'gone';
    expect(machineGraphChecks(dangling).map(({ path, code }) => ({ path, code }))).toEqual([
      { path: '/states/a/on/GO/target', code: 'machine.unknownTarget' },
      { path: '/states/b', code: 'machine.unreachableStage' },
    ]);
  });

  it('leaves a document too broken for the graph checks to the server', () => {
    expect(machineGraphChecks({ initial: 'a', states: 'none', events: {} })).toEqual([]);
    expect(machineGraphChecks({ initial: 'a', states: { a: 3 }, events: {} })).toEqual([]);
    expect(machineGraphChecks(null)).toEqual([]);
  });
});

describe('liveProblems', () => {
  const target: ProblemEntry = { path: '/states/a/on/GO/target', code: 'machine.unknownTarget', message: 'dangling' };
  const role: ProblemEntry = { path: '/states/a/permissions/ghost', code: 'machine.unknownRole', message: 'no such role' };
  const unreachable: ProblemEntry = { path: '/states/c', code: 'machine.unreachableStage', message: 'unreachable' };

  it('drops the server’s graph problem once the edit fixed it, keeping what only the server checks', () => {
    expect(liveProblems([target, role], [target], [])).toEqual([role]);
  });

  it('shows a graph problem of the edit at once, before the server has seen it', () => {
    expect(liveProblems([role], [], [unreachable])).toEqual([unreachable, role]);
  });

  it('is the server’s list when the local checks find nothing either side', () => {
    const server = [role];
    expect(liveProblems(server, [], [])).toBe(server);
  });
});
