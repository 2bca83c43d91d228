import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type {
  AutomaticTransition,
  EventTransition,
  MachineDefinition,
  MachineState,
  MachineTransition,
} from '../../definitions/machine.schema.ts';
import { pointer } from '../validation/problem.ts';

/** One transition of a definition with where it sits, for checks that look at every transition alike. */
export interface LocatedTransition {
  path: string;
  source: string;
  kind: 'event' | 'always' | 'after';
  /** The event name, or the `after` delay. */
  trigger: string;
  transition: MachineTransition;
  event?: EventTransition;
}

function listWithPaths<T>(value: T | T[] | undefined, path: string): Array<[T, string]> {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map((item, i) => [item, pointer(path, i)]) : [[value, path]];
}

/** Every transition of the definition in document order: `on`, then `always`, then `after`, stage by stage. */
export function transitionsOf(definition: MachineDefinition): LocatedTransition[] {
  return Object.entries(definition.states).flatMap(([source, state]) => transitionsOfState(source, state));
}

export function transitionsOfState(source: string, state: MachineState): LocatedTransition[] {
  const base = pointer('/states', source);
  const located: LocatedTransition[] = [];
  for (const [event, value] of Object.entries(state.on ?? {})) {
    for (const [t, path] of listWithPaths<EventTransition>(value, pointer(base, 'on', event))) {
      located.push({ path, source, kind: 'event', trigger: event, transition: t, event: t });
    }
  }
  for (const [t, path] of listWithPaths<AutomaticTransition>(state.always, pointer(base, 'always'))) {
    located.push({ path, source, kind: 'always', trigger: '', transition: t });
  }
  for (const [delay, value] of Object.entries(state.after ?? {})) {
    for (const [t, path] of listWithPaths<AutomaticTransition>(value, pointer(base, 'after', delay))) {
      located.push({ path, source, kind: 'after', trigger: delay, transition: t });
    }
  }
  return located;
}

/** Every effect list (entry, exit, transition actions) with its path. */
export function effectListsOf(definition: MachineDefinition): Array<{ path: string; effects: EffectInvocation[] }> {
  const lists: Array<{ path: string; effects: EffectInvocation[] }> = [];
  for (const [key, state] of Object.entries(definition.states)) {
    if (state.entry !== undefined) lists.push({ path: pointer('/states', key, 'entry'), effects: state.entry });
    if (state.exit !== undefined) lists.push({ path: pointer('/states', key, 'exit'), effects: state.exit });
  }
  for (const { path, transition } of transitionsOf(definition)) {
    if (transition.actions !== undefined) lists.push({ path: pointer(path, 'actions'), effects: transition.actions });
  }
  return lists;
}
