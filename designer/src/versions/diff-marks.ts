import type { DefinitionChange } from '../../../engine/diff/definition-change.ts';
import type { DiffMarks } from '../machine/machine-graph.ts';

const stateMarks: Partial<Record<DefinitionChange['kind'], 'added' | 'changed' | 'removed'>> = {
  stateAdded: 'added',
  stateRenamed: 'added',
  stateChanged: 'changed',
  stateRemoved: 'removed',
};

const transitionMarks: Partial<Record<DefinitionChange['kind'], 'added' | 'changed' | 'removed'>> = {
  transitionAdded: 'added',
  transitionRetargeted: 'changed',
  transitionChanged: 'changed',
  guardChanged: 'changed',
  effectsChanged: 'changed',
  transitionRemoved: 'removed',
};

/** How a version diff marks the newer machine's graph: states by key, transitions by the path the change names. */
export function diffMarksOf(changes: readonly DefinitionChange[]): DiffMarks {
  const marks: DiffMarks = { states: {}, transitions: {} };
  for (const change of changes) {
    const stateMark = stateMarks[change.kind];
    if (stateMark !== undefined && change.state !== undefined) marks.states[change.state] = stateMark;
    const transitionMark = transitionMarks[change.kind];
    if (transitionMark !== undefined) marks.transitions[change.path] = transitionMark;
  }
  return marks;
}
