import { opportunityCustomerLinks } from '../opportunities/opportunity-customer-links.ts';
import { opportunityEventAdapter } from '../opportunities/opportunity-event-adapter.ts';
import { orderEventAdapter } from '../orders/order-event-adapter.ts';
import { ticketEventAdapter } from '../tickets/ticket-event-adapter.ts';
import { customerEventAdapter } from '../transitions/customer-event-adapter.ts';
import type { TransitionReaction } from '../transitions/fire-record-event.command.ts';
import type { MachineRecordRow, RecordEventAdapter } from '../transitions/record-event-adapter.ts';

export interface TimerTarget {
  adapter: RecordEventAdapter<MachineRecordRow>;
  /** The same links the entity's event route passes, so a timer moves linked records as a click would. */
  reactions: readonly TransitionReaction[];
}

/** How a machine timer reaches its record, by entity. */
export const timerTargets: Readonly<Record<string, TimerTarget>> = {
  customer: { adapter: customerEventAdapter as unknown as RecordEventAdapter<MachineRecordRow>, reactions: opportunityCustomerLinks },
  opportunity: { adapter: opportunityEventAdapter as unknown as RecordEventAdapter<MachineRecordRow>, reactions: opportunityCustomerLinks },
  order: { adapter: orderEventAdapter as unknown as RecordEventAdapter<MachineRecordRow>, reactions: [] },
  ticket: { adapter: ticketEventAdapter as unknown as RecordEventAdapter<MachineRecordRow>, reactions: [] },
};
