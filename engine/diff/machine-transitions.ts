import { pointer } from '../validation/problem.ts';

export type StateMap = Record<string, Record<string, unknown>>;

/** A transition found in a machine, with its source and target seen through a state-id map (for renames). */
export interface ListedTransition {
  source: string;
  trigger: string;
  target: string | null;
  transition: Record<string, unknown>;
  /** JSON Pointer in the document it was read from, under that document's own state ids. */
  path: string;
}

function asList(value: unknown): Array<{ transition: unknown; suffix: Array<string | number> }> {
  if (Array.isArray(value)) return value.map((transition, index) => ({ transition, suffix: [index] }));
  return value === undefined ? [] : [{ transition: value, suffix: [] }];
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Every transition of every state, in document order. `rename` maps the document's state ids to the ids they are
 * compared under, so a renamed state's transitions line up with its new name.
 */
export function listTransitions(states: StateMap, rename: (id: string) => string = (id) => id): ListedTransition[] {
  return Object.entries(states).flatMap(([id, state]) => {
    const statePath = pointer('/states', id);
    const groups: Array<{ trigger: string; value: unknown; path: string }> = [
      ...Object.entries(asObject(state.on)).map(([event, value]) => ({
        trigger: `on:${event}`,
        value,
        path: pointer(statePath, 'on', event),
      })),
      { trigger: 'always', value: state.always, path: pointer(statePath, 'always') },
      ...Object.entries(asObject(state.after)).map(([delay, value]) => ({
        trigger: `after:${delay}`,
        value,
        path: pointer(statePath, 'after', delay),
      })),
    ];
    return groups.flatMap(({ trigger, value, path }) =>
      asList(value).map(({ transition, suffix }) => {
        const t = asObject(transition);
        return {
          source: rename(id),
          trigger,
          target: typeof t.target === 'string' ? rename(t.target) : null,
          transition: t,
          path: pointer(path, ...suffix),
        };
      }),
    );
  });
}
