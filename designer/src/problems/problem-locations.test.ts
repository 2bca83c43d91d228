import { describe, expect, it } from 'vitest';
import { defaultMachines } from '../../../definitions/defaults/machines/default-machines.ts';
import { addTransition } from '../model/machine-edits.ts';
import { placeOfProblem, problemsUnder } from './problem-locations.ts';

const machine = addTransition('potential', 'UPGRADE', 'won')(defaultMachines['customer-lifecycle']);

describe('where a problem belongs on the graph', () => {
  it('names the transition a path lies in, the list item rather than the list when the event holds several', () => {
    expect(placeOfProblem(machine, '/states/potential/on/UPGRADE/1/target')).toEqual({ kind: 'transition', pointer: '/states/potential/on/UPGRADE/1', source: 'potential' });
    expect(placeOfProblem(machine, '/states/target/on/UPGRADE/requiredFields/0')).toEqual({ kind: 'transition', pointer: '/states/target/on/UPGRADE', source: 'target' });
  });

  it('names the state for its own fields, and the machine for the rest', () => {
    expect(placeOfProblem(machine, '/states/won/permissions/rep')).toEqual({ kind: 'state', key: 'won' });
    expect(placeOfProblem(machine, '/initial')).toEqual({ kind: 'machine' });
  });

  it('counts a problem under a pointer only when the path is that pointer or inside it', () => {
    const problems = [{ path: '/states/potential', message: 'x' }, { path: '/states/potentialLost/label', message: 'y' }, { path: '/states/potential/color', message: 'z' }];
    expect(problemsUnder(problems, '/states/potential').map((p) => p.message)).toEqual(['x', 'z']);
  });
});
