import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { ProblemEntry } from './problem-entry.ts';
import { transitionsOfMachine } from '../model/machine-transitions.ts';

/** What a problem's JSON Pointer names in a machine: a transition (its edge), a state (its node), or the machine. */
export type ProblemPlace = { kind: 'transition'; pointer: string; source: string } | { kind: 'state'; key: string } | { kind: 'machine' };

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

export const isUnder = (path: string, pointer: string) => path === pointer || path.startsWith(`${pointer}/`);

export function placeOfProblem(machine: MachineDefinition, path: string): ProblemPlace {
  // The longest transition pointer wins: `/states/a/on/E/0` over `/states/a/on/E` when the entry is a list.
  const transition = transitionsOfMachine(machine)
    .filter((candidate) => isUnder(path, candidate.pointer))
    .sort((a, b) => b.pointer.length - a.pointer.length)[0];
  if (transition !== undefined) return { kind: 'transition', pointer: transition.pointer, source: transition.source };
  const match = /^\/states\/([^/]+)/.exec(path);
  if (match !== null) return { kind: 'state', key: unescape(match[1]!) };
  return { kind: 'machine' };
}

/** The problems of one node or edge (or field): those whose path lies under its pointer. */
export function problemsUnder(problems: readonly ProblemEntry[], pointer: string): ProblemEntry[] {
  return problems.filter((entry) => isUnder(entry.path, pointer));
}
