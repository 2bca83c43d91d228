import type { LocalizedLabel } from '../../../definitions/localized-text.schema.ts';
import type { EventTransition, MachineDefinition, MachineState, MachineTransition } from '../../../definitions/machine.schema.ts';
import type { TransitionAddress, TransitionTrigger } from './machine-transitions.ts';

/**
 * The machine editor's edits: pure functions from one machine document to the next, never changing their input
 * (the command stack keeps the earlier documents for undo). Each touches only the part it names, so an edit and
 * its undo leave every other byte of the definition as it was.
 */
export type MachineEdit = (machine: MachineDefinition) => MachineDefinition;

type Patch<T> = { [K in keyof T]?: T[K] | undefined };

/** A copy of `value` with `patch` applied; a key patched to undefined is removed, so optional fields disappear. */
function patched<T extends object>(value: T, patch: Patch<T>): T {
  const next: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, field] of Object.entries(patch)) {
    if (field === undefined) delete next[key];
    else next[key] = field;
  }
  return next as T;
}

function withState(machine: MachineDefinition, key: string, change: (state: MachineState) => MachineState): MachineDefinition {
  const state = machine.states[key];
  if (state === undefined) return machine;
  return { ...machine, states: { ...machine.states, [key]: change(state) } };
}

export function addState(key: string, label: LocalizedLabel, position?: { x: number; y: number }): MachineEdit {
  return (machine) =>
    key in machine.states
      ? machine
      : {
          ...machine,
          states: { ...machine.states, [key]: { label, ...(position === undefined ? {} : { meta: { layout: position } }) } },
        };
}

/** Removes a state; transitions into it from other states stay, dangling, for validation to point at. */
export function removeState(key: string): MachineEdit {
  return (machine) => {
    if (!(key in machine.states)) return machine;
    const { [key]: _removed, ...states } = machine.states;
    return { ...machine, states };
  };
}

export function updateState(key: string, patch: Patch<MachineState>): MachineEdit {
  return (machine) => withState(machine, key, (state) => patched(state, patch));
}

/** Where an admin dropped a state; layout lives in `meta.layout`, which diffs ignore. */
export function moveState(key: string, position: { x: number; y: number }): MachineEdit {
  const layout = { x: Math.round(position.x), y: Math.round(position.y) };
  return (machine) => withState(machine, key, (state) => ({ ...state, meta: { ...state.meta, layout } }));
}

function readTrigger(state: MachineState, trigger: TransitionTrigger): MachineTransition | MachineTransition[] | undefined {
  switch (trigger.kind) {
    case 'on':
      return state.on?.[trigger.event];
    case 'always':
      return state.always;
    case 'after':
      return state.after?.[trigger.delay];
  }
}

function writeTrigger(
  state: MachineState,
  trigger: TransitionTrigger,
  value: MachineTransition | MachineTransition[] | undefined,
): MachineState {
  const put = <T extends object>(record: T | undefined, key: string): T | undefined => {
    const next: Record<string, unknown> = { ...record };
    if (value === undefined) delete next[key];
    else next[key] = value;
    return Object.keys(next).length === 0 ? undefined : (next as T);
  };
  switch (trigger.kind) {
    case 'on':
      return patched(state, { on: put(state.on, trigger.event) });
    case 'always':
      return patched(state, { always: value as MachineState['always'] });
    case 'after':
      return patched(state, { after: put(state.after, trigger.delay) });
  }
}

/**
 * Adds a transition `source --event--> target`. A second transition on the same event turns the entry into a list
 * (tried in order, the first whose guard holds wins). The event is declared with its name as a placeholder label
 * when the machine does not know it yet.
 */
export function addTransition(source: string, event: string, target: string): MachineEdit {
  return (machine) => {
    const added: EventTransition = { target };
    const next = withState(machine, source, (state) => {
      const existing = readTrigger(state, { kind: 'on', event });
      const value = existing === undefined ? added : [...(Array.isArray(existing) ? existing : [existing]), added];
      return writeTrigger(state, { kind: 'on', event }, value);
    });
    if (next === machine || event in machine.events) return next;
    return { ...next, events: { ...next.events, [event]: { label: { en: event, 'zh-CN': event } } } };
  };
}

/** Where addTransition(source, event, …) puts the new transition in `machine`: its address, to select it. */
export function addedTransitionAddress(machine: MachineDefinition, source: string, event: string): TransitionAddress {
  const existing = machine.states[source]?.on?.[event];
  const index = existing === undefined ? null : Array.isArray(existing) ? existing.length : 1;
  return { source, trigger: { kind: 'on', event }, index };
}

function withTransition(
  address: TransitionAddress,
  change: (transition: MachineTransition) => MachineTransition | undefined,
): MachineEdit {
  return (machine) =>
    withState(machine, address.source, (state) => {
      const existing = readTrigger(state, address.trigger);
      if (existing === undefined) return state;
      if (address.index === null || !Array.isArray(existing)) {
        return writeTrigger(state, address.trigger, Array.isArray(existing) ? existing : change(existing));
      }
      const current = existing[address.index];
      if (current === undefined) return state;
      const replaced = change(current);
      const list = existing.flatMap((item, i) => (i !== address.index ? [item] : replaced === undefined ? [] : [replaced]));
      return writeTrigger(state, address.trigger, list.length === 0 ? undefined : list);
    });
}

export function updateTransition(address: TransitionAddress, patch: Patch<EventTransition>): MachineEdit {
  return withTransition(address, (transition) => patched(transition as EventTransition, patch));
}

export function removeTransition(address: TransitionAddress): MachineEdit {
  return withTransition(address, () => undefined);
}

export function setEventLabel(event: string, label: LocalizedLabel): MachineEdit {
  return (machine) =>
    event in machine.events ? { ...machine, events: { ...machine.events, [event]: { ...machine.events[event], label } } } : machine;
}
