import { defaultMachines, type DefaultMachineId } from '../../../definitions/defaults/machines/default-machines.ts';

type Container = Record<string, unknown> | unknown[];

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/**
 * A deep copy of a default machine with the values at the given JSON Pointers replaced (`undefined` removes the
 * key), so a test names the breakage at the very paths the problems must point at.
 */
export function brokenCopy(id: DefaultMachineId, changes: Record<string, unknown>): unknown {
  const copy = structuredClone(defaultMachines[id]) as unknown as Container;
  for (const [path, value] of Object.entries(changes)) {
    const segments = path.split('/').slice(1).map(unescape);
    const key = segments.pop() as string;
    let parent: unknown = copy;
    for (const segment of segments) {
      parent = (parent as Record<string, unknown>)[segment];
      if (typeof parent !== 'object' || parent === null) throw new Error(`${path}: nothing at ${segment}.`);
    }
    if (value === undefined) delete (parent as Record<string, unknown>)[key];
    else (parent as Record<string, unknown>)[key] = structuredClone(value);
  }
  return copy;
}
