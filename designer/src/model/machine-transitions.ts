import { eventNamePattern, type MachineDefinition, type MachineState, type MachineTransition } from '../../../definitions/machine.schema.ts';

/** What fires a transition: an event a person sends, the machine itself at once (`always`), or a delay (`after`). */
export type TransitionTrigger = { kind: 'on'; event: string } | { kind: 'always' } | { kind: 'after'; delay: string };

/** Where a transition sits in the document: its source state, trigger, and its place when the trigger holds a list. */
export interface TransitionAddress {
  source: string;
  trigger: TransitionTrigger;
  /** null when the trigger holds one transition object rather than a list. */
  index: number | null;
}

export interface LocatedTransition extends TransitionAddress {
  /** The transition's JSON Pointer in the document: the id of its edge and the prefix of its problems' paths. */
  pointer: string;
  transition: MachineTransition;
}

const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function triggerPointer(source: string, trigger: TransitionTrigger): string {
  const base = `/states/${escape(source)}`;
  switch (trigger.kind) {
    case 'on':
      return `${base}/on/${escape(trigger.event)}`;
    case 'always':
      return `${base}/always`;
    case 'after':
      return `${base}/after/${escape(trigger.delay)}`;
  }
}

export function transitionPointer(address: TransitionAddress): string {
  const base = triggerPointer(address.source, address.trigger);
  return address.index === null ? base : `${base}/${address.index}`;
}

function located(source: string, trigger: TransitionTrigger, value: MachineTransition | MachineTransition[]): LocatedTransition[] {
  const list = Array.isArray(value) ? value.map((transition, index) => ({ transition, index })) : [{ transition: value, index: null }];
  return list.map(({ transition, index }) => {
    const address = { source, trigger, index };
    return { ...address, pointer: transitionPointer(address), transition };
  });
}

/** Every transition of one state, in document order: events, then `always`, then `after`. */
function transitionsOfState(source: string, state: MachineState): LocatedTransition[] {
  return [
    ...Object.entries(state.on ?? {}).flatMap(([event, value]) => located(source, { kind: 'on', event }, value)),
    ...(state.always === undefined ? [] : located(source, { kind: 'always' }, state.always)),
    ...Object.entries(state.after ?? {}).flatMap(([delay, value]) => located(source, { kind: 'after', delay }, value)),
  ];
}

export function transitionsOfMachine(machine: MachineDefinition): LocatedTransition[] {
  return Object.entries(machine.states).flatMap(([key, state]) => transitionsOfState(key, state));
}

export function findTransition(machine: MachineDefinition, pointer: string): LocatedTransition | undefined {
  return transitionsOfMachine(machine).find((candidate) => candidate.pointer === pointer);
}

export function triggerName(trigger: TransitionTrigger): string {
  switch (trigger.kind) {
    case 'on':
      return trigger.event;
    case 'always':
      return 'always';
    case 'after':
      return `after ${trigger.delay}`;
  }
}

const eventName = new RegExp(eventNamePattern);

/** Whether `text` may name an event (upper case, digits and underscores: `QUALIFY`). */
export const isEventName = (text: string) => eventName.test(text);
