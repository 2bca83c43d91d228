import type { ContactLoggedHook } from '../contact-records/log-contact.ts';
import { customerEventAdapter } from './customer-event-adapter.ts';
import { systemActor } from './event-actor.ts';
import { fireRecordEvent, type TransitionReaction } from './fire-record-event.command.ts';

export const contactLoggedEvent = 'CONTACT_LOGGED';

/**
 * Tells the customer's machine that a contact was logged, in the contact record's transaction: a target customer
 * becomes `contacted`. Sent as the `system` actor, not as the author: it reports a fact the runtime observed (like
 * OPPORTUNITY_SELLING or DEAL_WON), not a decision the author took, so a rep who may log a call on a pool customer
 * but holds no permission in its stage still gets it marked contacted, and a definition may reserve the event to
 * the system without breaking contact logging. The audit entry still names the author as the actor of the command.
 * A stage that does not take the event (a potential customer) just logs the contact; the customer's version stays,
 * like the counters logging moves, so a call logged meanwhile does not make someone's open form stale.
 */
export function contactLoggedHook(timeZone: string, reactions: readonly TransitionReaction[] = []): ContactLoggedHook {
  return async (context, customer, record) => {
    await fireRecordEvent(context, customerEventAdapter, customer.id, { type: contactLoggedEvent }, systemActor(timeZone), {
      keepVersion: true,
      cause: `contact_record:${record.id}`,
      reactions,
    });
  };
}
