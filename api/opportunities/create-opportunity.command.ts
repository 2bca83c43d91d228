import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerForChildWrite } from '../customers/customer-for-child-write.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { machineActorOf, personActor } from '../transitions/event-actor.ts';
import type { FiredEvent, TransitionReaction } from '../transitions/fire-record-event.command.ts';
import { insertOpportunity } from './insert-opportunity.ts';
import type { CreateOpportunityBody } from './opportunity-bodies.schema.ts';
import type { OpportunityView } from './opportunity-document.ts';
import { opportunityCustomerLinks } from './opportunity-customer-links.ts';

/**
 * Opens an opportunity on a customer the caller sees (a pool customer only with `mayEditShared`, as for contacts),
 * owned by the caller, in the funnel's first stage on the latest published funnel, with that stage's probability.
 * A funnel that starts selling moves the customer to `opportunity` in the same transaction (the links' reactions).
 */
export async function createOpportunity(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  customerId: number,
  body: CreateOpportunityBody,
  reactions: readonly TransitionReaction[] = opportunityCustomerLinks,
): Promise<{ opportunity: OpportunityView; followUps: FiredEvent[] }> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const customer = await customerForChildWrite(em, caller, customerId, true);
    const definitions = await recordDefinitions(em, 'opportunity');
    return insertOpportunity(
      context,
      definitions,
      {
        customerId: customer.id,
        name: body.name.trim(),
        amount: body.amount ?? null,
        expectedCloseOn: body.expectedCloseOn ?? null,
        ownerId: caller.user.id,
        createdBy: caller.user.id,
      },
      { actor: machineActorOf(personActor(caller)), timeZone: caller.user.timeZone },
      reactions,
    );
  });
}
