import type { MachineDefinition } from '../../machine.schema.ts';
import customerLifecycle from './customer-lifecycle.json' with { type: 'json' };
import leadQualification from './lead-qualification.json' with { type: 'json' };
import opportunityFunnel from './opportunity-funnel.json' with { type: 'json' };
import orderFollowUp from './order-follow-up.json' with { type: 'json' };
import ticketEscalation from './ticket-escalation.json' with { type: 'json' };

// JSON imports widen literals to string; default-machines.test.ts validates every file with validateMachine.
export const defaultMachines = {
  'customer-lifecycle': customerLifecycle as MachineDefinition,
  'opportunity-funnel': opportunityFunnel as MachineDefinition,
  'order-follow-up': orderFollowUp as MachineDefinition,
  'ticket-escalation': ticketEscalation as MachineDefinition,
  'lead-qualification': leadQualification as MachineDefinition,
} as const;

export type DefaultMachineId = keyof typeof defaultMachines;
