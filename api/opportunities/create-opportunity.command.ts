import type { MikroORM } from '@mikro-orm/postgresql';
import { initialSnapshot } from '../../engine/machines/index.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerForChildWrite } from '../customers/customer-for-child-write.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { machineActorOf, personActor } from '../transitions/event-actor.ts';
import type { FiredEvent, TransitionReaction } from '../transitions/fire-record-event.command.ts';
import { recordCreated } from '../transitions/record-created.ts';
import type { CreateOpportunityBody } from './opportunity-bodies.schema.ts';
import { opportunityDocument, type OpportunityView } from './opportunity-document.ts';
import { opportunityCustomerLinks } from './opportunity-customer-links.ts';
import { opportunityStatusOf, stageProbability } from './opportunity-stage.ts';
import { Opportunity } from './opportunity.entity.ts';

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
    const machine = definitions.machine.document;
    const actor = personActor(caller);
    const values = { name: body.name.trim(), amount: body.amount ?? null, expectedCloseOn: body.expectedCloseOn ?? null };
    const start = initialSnapshot(machine, {
      actor: machineActorOf(actor),
      facts: { name: values.name, amount: values.amount, expected_close_on: values.expectedCloseOn, customer_id: customer.id, custom_fields: {} },
      now: context.now,
      timeZone: caller.user.timeZone,
      catalogue: definitions.catalogue,
    });
    const row = em.create(Opportunity, {
      customerId: customer.id,
      ...values,
      stage: start.snapshot.value,
      status: opportunityStatusOf(machine, start.snapshot),
      probability: stageProbability(machine, start.snapshot.value),
      ownerId: caller.user.id,
      machineSnapshot: start.snapshot,
      definitionKey: definitions.machine.key,
      definitionVersion: definitions.machine.version,
      customFields: {},
      createdBy: caller.user.id,
      createdAt: context.now,
      updatedAt: context.now,
      lastContactAt: null,
      nextFollowUpAt: null,
      deletedAt: null,
    });
    await em.flush();

    const document = opportunityDocument(row);
    const followUps = await recordCreated(context, {
      entity: 'opportunity',
      row,
      customerId: customer.id,
      start,
      document,
      timeZone: caller.user.timeZone,
      reactions,
    });
    return { opportunity: document, followUps };
  });
}
