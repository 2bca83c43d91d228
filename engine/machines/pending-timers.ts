import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { LocalizedText } from '../validation/problem.ts';
import { pointer } from '../validation/problem.ts';
import { durationToMs } from './duration-to-ms.ts';
import type { MachineEvent, MachineSnapshot } from './machine-snapshot.ts';
import { timerEventType } from './timer-event.ts';

/**
 * A timer the runtime must keep for the record: at `dueAt` it sends `event` through `transition`. Timers run from
 * the moment the stage was entered (`snapshot.enteredAt`), so recomputing them after any transition is idempotent:
 * a transition that stays in the stage leaves `dueAt` as it was, leaving or re-entering the stage changes the set.
 * The runtime keeps them in its due-timers table keyed by (record, `event.type`) and replaces the record's set after
 * every transition.
 */
export interface PendingTimer {
  event: MachineEvent;
  /** The `after` key as written, e.g. `4h`. */
  delay: string;
  delayMs: number;
  dueAt: string;
  /** The stages the timer may lead to (the first whose guard holds when it fires is taken). */
  targets: string[];
  label: LocalizedText;
  /** JSON Pointer of the `after` entry in the definition. */
  source: string;
}

/** Pure: depends only on the definition and the snapshot, so a sweep can recompute timers for any number of records. */
export function pendingTimers(definition: MachineDefinition, snapshot: MachineSnapshot): PendingTimer[] {
  const state = definition.states[snapshot.value];
  if (state === undefined || snapshot.status === 'done' || state.after === undefined) return [];
  const enteredAt = Date.parse(snapshot.enteredAt);
  return Object.entries(state.after).map(([delay, value]) => {
    const transitions = Array.isArray(value) ? value : [value];
    const delayMs = durationToMs(delay) ?? 0;
    const first = transitions[0];
    const targets = [...new Set(transitions.map((t) => t.target))];
    return {
      event: { type: timerEventType(definition.id, snapshot.value, delay) },
      delay,
      delayMs,
      dueAt: new Date(enteredAt + delayMs).toISOString(),
      targets,
      label: first?.label ?? definition.states[first?.target ?? snapshot.value]?.label ?? state.label,
      source: pointer('/states', snapshot.value, 'after', delay),
    };
  });
}
