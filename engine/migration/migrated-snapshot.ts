import type { StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { MachineSnapshot } from '../machines/machine-snapshot.ts';

/**
 * A record's snapshot on the new machine version after its planned move. A record that keeps its stage keeps when it
 * entered it (its timers keep their due times) and the values of the flags the stage still declares; one moved to
 * another stage enters it now with the flags it declares. Entry effects do not run: a migration is an administrative
 * move, audited as such, not a business event.
 */
export function migratedSnapshot(snapshot: MachineSnapshot, machine: MachineDefinition, to: string, now: Date): MachineSnapshot {
  const state = machine.states[to];
  if (state === undefined) throw new Error(`The machine ${machine.id}@${machine.version} has no stage "${to}".`);
  const declared = (state.flags ?? {}) as Record<string, unknown>;
  const stays = snapshot.value === to;
  const flags: Record<string, unknown> = {};
  for (const [flag, initial] of Object.entries(declared)) {
    const kept = stays ? (snapshot.flags as Record<string, unknown>)[flag] : undefined;
    flags[flag] = kept === undefined ? initial : kept;
  }
  return {
    machine: machine.id,
    version: machine.version,
    value: to,
    flags: flags as StageFlags,
    enteredAt: stays ? snapshot.enteredAt : now.toISOString(),
    status: state.type === 'final' ? 'done' : 'active',
  };
}
