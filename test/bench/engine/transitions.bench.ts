import { transition as xstateTransition, type AnyMachineSnapshot } from 'xstate';
import { defaultFactCatalogues } from '../../../definitions/defaults/facts/default-fact-catalogues.ts';
import { defaultMachines } from '../../../definitions/defaults/machines/default-machines.ts';
import { compileMachine } from '../../../engine/machines/compile-machine.ts';
import { runKey, type MachineRun } from '../../../engine/machines/machine-run.ts';
import type { MachineSnapshot, TransitionContext } from '../../../engine/machines/machine-snapshot.ts';
import { initialSnapshot, transition } from '../../../engine/machines/transition.ts';
import { measureOpsPerSec, printBenchLine } from '../support/bench-line.ts';

/**
 * Transitions per second through the engine's `transition()` on the customer lifecycle, against XState's bare pure
 * `transition` on the same compiled machine in the same run. The loop walks target → potential → opportunity and
 * back with a manager, so every step runs role, permission, flag, required-field or guard checks.
 */
const definition = defaultMachines['customer-lifecycle'];
const context: TransitionContext = {
  actor: { userId: 'manager-1', roles: ['manager'] },
  facts: { ownership: 'pool', owner_id: null, custom_fields: { industry: 'it', level: 'A' } },
  now: new Date('2026-11-24T08:00:00Z'),
  timeZone: 'Asia/Shanghai',
  catalogue: defaultFactCatalogues.customer,
};
const loop = [
  'CONTACT_LOGGED',
  'UPGRADE',
  'PAUSE_TRACKING',
  'RESUME_TRACKING',
  'UPGRADE',
  'CLAIM',
  'DOWNGRADE',
  'DOWNGRADE',
] as const;

function startInTarget(): MachineSnapshot {
  const selected = transition(definition, initialSnapshot(definition, context).snapshot, { type: 'SELECT' }, context);
  if (!selected.ok) throw new Error(`SELECT refused: ${selected.reason.message.en}`);
  return selected.snapshot;
}

let snapshot = startInTarget();
const engineLoop = () => {
  for (const type of loop) {
    const result = transition(definition, snapshot, { type }, context);
    if (!result.ok) throw new Error(`${type} refused in ${snapshot.value}: ${result.reason.message.en}`);
    snapshot = result.snapshot;
  }
};

const { machine } = compileMachine(definition, context.catalogue);
let bare: AnyMachineSnapshot = machine.resolveState({
  value: snapshot.value,
  context: { flags: snapshot.flags, enteredAt: snapshot.enteredAt },
});
const bareLoop = () => {
  for (const type of loop) {
    // The compiled guards read the run off the event, so the bare baseline carries one too.
    const run: MachineRun = { context, considered: [], taken: [] };
    bare = xstateTransition(machine, bare, { type, [runKey]: run })[0];
  }
};

// Interleaved rounds, best of each: one measurement alone swings with the JIT and the machine's other load.
let bareXstatePerSec = 0;
let transitionsPerSec = 0;
for (let round = 0; round < 3; round++) {
  bareXstatePerSec = Math.max(bareXstatePerSec, measureOpsPerSec(bareLoop, loop.length, 500));
  transitionsPerSec = Math.max(transitionsPerSec, measureOpsPerSec(engineLoop, loop.length, 500));
}
printBenchLine('engine.transitions', {
  transitionsPerSec,
  bareXstatePerSec,
  ratio: transitionsPerSec / bareXstatePerSec,
});
