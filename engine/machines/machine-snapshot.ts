import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import type { FactRow } from '../conditions/index.ts';

/**
 * The state of one record in its machine, as persisted (jsonb). Plain JSON on purpose: XState's own snapshot holds
 * the machine object and cannot be stored; this one is resolved back with `machine.resolveState` when needed.
 */
export interface MachineSnapshot {
  /** The definition's id and version the record runs on. */
  machine: string;
  version: number;
  /** The current stage (a key of `states`). */
  value: string;
  /** The stage's flags; a stage keeps only the flags it declares. */
  flags: StageFlags;
  /** When the current stage was (re-)entered, ISO 8601: `after` timers run from here. */
  enteredAt: string;
  /** `done` once a `type: 'final'` stage is reached: nothing more happens. */
  status: 'active' | 'done';
}

/** The record as facts see it: snake_case columns plus the `custom_fields` object (see the conditions engine). */
export type { FactRow };

export interface MachineActor {
  userId: string;
  roles: readonly string[];
}

/** Everything a transition may look at besides the definition and the snapshot; time comes from here, never a clock. */
export interface TransitionContext {
  actor: MachineActor;
  facts: FactRow;
  now: Date;
  timeZone: string;
  /** The fact catalogue of the machine's entity (with the tenant's custom fields); guards are evaluated against it. */
  catalogue: FactCatalogue;
}

/** An event sent to a machine. Timer events are the `event` values `pendingTimers` hands out. */
export interface MachineEvent {
  type: string;
}
