import { boundQuery } from '../database/bound-query.ts';
import type { FiredEvent, TransitionReaction } from '../transitions/fire-record-event.command.ts';
import { fireRecordEvent, reactionOn } from '../transitions/fire-record-event.command.ts';
import { customerEventAdapter } from '../transitions/customer-event-adapter.ts';
import { systemActor } from '../transitions/event-actor.ts';
import { opportunityEventAdapter } from './opportunity-event-adapter.ts';

/** Events the customer lifecycle and the opportunity funnel reserve to the system for these links. */
export const opportunitySellingEvent = 'OPPORTUNITY_SELLING';
export const customerTrackingPausedEvent = 'CUSTOMER_TRACKING_PAUSED';

const started = (before: string | undefined, after: string | undefined, value: string) => after === value && before !== value;

/**
 * Seed 003/004: an opportunity with status “selling” makes its customer an opportunity customer. When an
 * opportunity's `selling` flag becomes `selling` (created, resumed), its customer's machine gets OPPORTUNITY_SELLING
 * as the system; a stage that does not take it (already an opportunity or won customer) leaves the customer as is.
 */
export const opportunitySellingMovesCustomer: TransitionReaction = reactionOn(
  (change) => change.entity === opportunityEventAdapter.entity && started(change.before.flags.selling, change.after.flags.selling, 'selling'),
  async (context, taken) => {
    if (taken.customerId === null) return [];
    const outcome = await fireRecordEvent(context, customerEventAdapter, taken.customerId, { type: opportunitySellingEvent }, systemActor(taken.timeZone), {
      cause: `opportunity:${taken.row.id}:v${taken.row.version}`,
      reactions: taken.reactions,
      depth: taken.depth + 1,
    });
    return outcome.ok ? [outcome.fired] : [];
  },
);

/**
 * Seed 003/004: pausing the customer pauses its opportunities. When a customer's `tracking` flag becomes `paused`,
 * each of its open opportunities gets CUSTOMER_TRACKING_PAUSED as the system (those already paused refuse it and
 * stay as they are). They are locked after the customer, in id order — the order every command uses. A customer
 * without live opportunities (the flag migration 0017's triggers keep) has none to pause: the event is written in one
 * statement, conditional on the flag still being false.
 */
export const customerPauseCascades: TransitionReaction = reactionOn(
  (change) => change.entity === customerEventAdapter.entity && started(change.before.flags.tracking, change.after.flags.tracking, 'paused'),
  async (context, taken) => {
    const open = await boundQuery<{ id: number }>(
      context.em,
      "select id::int as id from opportunity where customer_id = $1 and deleted_at is null and status = 'open' order by id",
      [taken.row.id],
    );
    const fired: FiredEvent[] = [];
    for (const { id } of open) {
      const outcome = await fireRecordEvent(context, opportunityEventAdapter, id, { type: customerTrackingPausedEvent }, systemActor(taken.timeZone), {
        cause: `customer:${taken.row.id}:v${taken.row.version}`,
        reactions: taken.reactions,
        depth: taken.depth + 1,
      });
      if (outcome.ok) fired.push(outcome.fired);
    }
    return fired;
  },
  { column: 'has_live_opportunities', value: false },
);

/** Every link between customers and their opportunities, for whichever side an event is sent to. */
export const opportunityCustomerLinks: readonly TransitionReaction[] = [opportunitySellingMovesCustomer, customerPauseCascades];
