import { customerEventAdapter } from '../transitions/customer-event-adapter.ts';
import { systemActor } from '../transitions/event-actor.ts';
import { fireRecordEvent, type TransitionReaction } from '../transitions/fire-record-event.command.ts';
import { orderEventAdapter } from './order-event-adapter.ts';

/** The event the customer lifecycle reserves to the system for a new order. */
export const dealWonEvent = 'DEAL_WON';

/**
 * A new order wins its customer: when an order enters its machine, the customer's machine gets DEAL_WON as the
 * system, in the same transaction; a stage that does not take it (already won, paused) leaves the customer as is.
 * Only on creation (the `before` of a creation is the initial state with no flags), not on the order's later moves.
 */
export const orderCreationWinsCustomer: TransitionReaction = async (context, taken) => {
  if (taken.entity !== orderEventAdapter.entity || taken.depth !== 0 || taken.customerId === null) return [];
  if (Object.keys(taken.before.flags).length !== 0 || taken.before.value !== taken.after.value) return [];
  const outcome = await fireRecordEvent(context, customerEventAdapter, taken.customerId, { type: dealWonEvent }, systemActor(taken.timeZone), {
    cause: `order:${taken.row.id}:v${taken.row.version}`,
    reactions: taken.reactions,
    depth: taken.depth + 1,
  });
  return outcome.ok ? [outcome.fired] : [];
};
