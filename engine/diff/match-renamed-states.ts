import { canonicalJson } from './canonical-json.ts';
import { listTransitions, type StateMap } from './machine-transitions.ts';

/** State properties that place or paint a state in the designer and never change behaviour. */
export const layoutStateProperties = ['color', 'meta'] as const;

type Shape = (id: string) => string;

/**
 * A state's shape without its id: its own semantics (layout left out), its outgoing transitions and the transitions
 * coming in, with every other state named by id when it exists in both versions and as `?` when it does not.
 */
function shapeOf(states: StateMap, stableIds: ReadonlySet<string>, withLabel: boolean): Shape {
  const transitions = listTransitions(states);
  const name = (self: string, id: string | null) => {
    if (id === null || id === self) return id === null ? null : '@self';
    return stableIds.has(id) ? id : '?';
  };
  return (id) => {
    const { on: _on, always: _always, after: _after, ...own } = states[id] ?? {};
    for (const key of layoutStateProperties) delete own[key];
    if (!withLabel) {
      delete own.label;
      delete own.description;
    }
    const strip = (t: Record<string, unknown>) => ({ ...t, target: undefined, label: withLabel ? t.label : undefined });
    const outgoing = transitions
      .filter((t) => t.source === id)
      .map((t) => canonicalJson([t.trigger, name(id, t.target), strip(t.transition)]))
      .sort();
    const incoming = transitions
      .filter((t) => t.target === id && t.source !== id)
      .map((t) => canonicalJson([name(id, t.source), t.trigger]))
      .sort();
    return canonicalJson({ own, outgoing, incoming });
  };
}

function sameLabel(states: StateMap): Shape {
  return (id) => canonicalJson(states[id]?.label ?? null);
}

/** Pairs keys that occur exactly once on each side. */
function uniquePairs(removed: string[], added: string[], before: Shape, after: Shape): Array<[string, string]> {
  const count = (ids: string[], key: Shape) => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(key(id), (counts.get(key(id)) ?? 0) + 1);
    return counts;
  };
  const beforeCounts = count(removed, before);
  const afterCounts = count(added, after);
  return removed.flatMap((oldId) => {
    const key = before(oldId);
    if (beforeCounts.get(key) !== 1 || afterCounts.get(key) !== 1) return [];
    const newId = added.find((id) => after(id) === key);
    return newId === undefined ? [] : [[oldId, newId] as [string, string]];
  });
}

/**
 * Which removed states were renamed, as old id → new id. The heuristic, strongest evidence first, each round
 * pairing only states whose evidence is unambiguous (one candidate on each side):
 *   1. the same shape and labels (only the id changed);
 *   2. the same labels in both languages (the id changed, perhaps other things too);
 *   3. the same shape with different labels (the id and the label changed together).
 * "Shape" is the state's semantics with layout ignored, plus its outgoing and incoming transitions.
 */
export function matchRenamedStates(before: StateMap, after: StateMap): Map<string, string> {
  const stableIds = new Set(Object.keys(before).filter((id) => id in after));
  let removed = Object.keys(before).filter((id) => !(id in after));
  let added = Object.keys(after).filter((id) => !(id in before));
  const renames = new Map<string, string>();
  const rounds: Array<[Shape, Shape]> = [
    [shapeOf(before, stableIds, true), shapeOf(after, stableIds, true)],
    [sameLabel(before), sameLabel(after)],
    [shapeOf(before, stableIds, false), shapeOf(after, stableIds, false)],
  ];
  for (const [beforeKey, afterKey] of rounds) {
    for (const [oldId, newId] of uniquePairs(removed, added, beforeKey, afterKey)) {
      renames.set(oldId, newId);
    }
    removed = removed.filter((id) => !renames.has(id));
    added = added.filter((id) => ![...renames.values()].includes(id));
  }
  return renames;
}
