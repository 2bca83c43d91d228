import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { MachineSnapshot } from '../../engine/machines/index.ts';
import type { OpportunityStatus } from './opportunity.entity.ts';

/** The win probability the funnel declares for the stage (percent), or null when it declares none. */
export function stageProbability(machine: MachineDefinition, stage: string): number | null {
  return machine.states[stage]?.probability ?? null;
}

/**
 * open until the funnel reaches a final stage; then won when that stage is certain (probability 100), else lost.
 * Read from the definition rather than stage names, so a template's own funnel (赢单, 签约…) keeps the status right.
 */
export function opportunityStatusOf(machine: MachineDefinition, snapshot: MachineSnapshot): OpportunityStatus {
  if (snapshot.status !== 'done') return 'open';
  return stageProbability(machine, snapshot.value) === 100 ? 'won' : 'lost';
}
