import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { MachineSnapshot } from '../machine-snapshot.ts';
import { initialSnapshot, transition } from '../transition.ts';
import { contextFor, type ContextOptions } from './machine-test-context.ts';

export interface Step extends ContextOptions {
  event: string;
}

/**
 * The snapshot a record reaches from a new one through the given steps (each an event and who sends it, as a rep
 * unless told otherwise). A refused step throws with the reason: a scenario's way there must be open.
 */
export function drive(definition: MachineDefinition, steps: ReadonlyArray<Step | string>): MachineSnapshot {
  let snapshot = initialSnapshot(definition, contextFor(definition)).snapshot;
  for (const step of steps) {
    const { event, ...options } = typeof step === 'string' ? { event: step } : step;
    const result = transition(definition, snapshot, { type: event }, contextFor(definition, options));
    if (!result.ok) throw new Error(`${event} refused in ${snapshot.value}: ${result.reason.message.en}`);
    snapshot = result.snapshot;
  }
  return snapshot;
}
