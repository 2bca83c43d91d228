import type { MachineActor } from '../../engine/machines/index.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { startingPoint } from '../customers/customer-stage.ts';
import type { RecordDefinitions } from '../customers/published-definitions.ts';
import type { FiredEvent, TransitionReaction } from '../transitions/fire-record-event.command.ts';
import { recordCreated } from '../transitions/record-created.ts';
import { newMachineRecordValues } from '../transitions/machine-record.properties.ts';
import { opportunityDocument, type OpportunityView } from './opportunity-document.ts';
import { opportunityStatusOf, stageProbability } from './opportunity-stage.ts';
import { Opportunity } from './opportunity.entity.ts';

/** An opportunity whose values have been decided and checked: what the create command and demo data insert. */
export interface NewOpportunity {
  customerId: number;
  name: string;
  amount: number | null;
  expectedCloseOn: string | null;
  /** A stage of the funnel; its first stage for an ordinary create, a later one for demo data and imports. */
  stage?: string;
  ownerId: number | null;
  createdBy: number | null;
  /** Demo data backdates its records; everything else is created now. */
  createdAt?: Date;
}

/** Who creates a record with a machine: their machine identity and time zone. */
export interface RecordCreator {
  actor: MachineActor;
  timeZone: string;
}

/**
 * Inserts an opportunity inside the command's transaction, in its stage (entered with the stage's flags and entry
 * effects) with the stage's probability and status, writes its `create` audit entry and outbox messages, and runs
 * the reactions (none for demo data: its customers already stand where the demo put them).
 */
export async function insertOpportunity(
  context: CommandContext,
  definitions: RecordDefinitions,
  input: NewOpportunity,
  creator: RecordCreator,
  reactions: readonly TransitionReaction[],
): Promise<{ opportunity: OpportunityView; followUps: FiredEvent[] }> {
  const { em } = context;
  const machine = definitions.machine.document;
  const createdAt = input.createdAt ?? context.now;
  const values = { name: input.name, amount: input.amount, expectedCloseOn: input.expectedCloseOn };
  const start = startingPoint(machine, input.stage ?? machine.initial, {
    actor: creator.actor,
    facts: { name: values.name, amount: values.amount, expected_close_on: values.expectedCloseOn, customer_id: input.customerId, custom_fields: {} },
    now: createdAt,
    timeZone: creator.timeZone,
    catalogue: definitions.catalogue,
  });
  const row = em.create(Opportunity, {
    customerId: input.customerId,
    ...values,
    ...newMachineRecordValues(definitions, start.snapshot, { createdBy: input.createdBy, createdAt }),
    status: opportunityStatusOf(machine, start.snapshot),
    probability: stageProbability(machine, start.snapshot.value),
    ownerId: input.ownerId,
    customFields: {},
    lastContactAt: null,
    nextFollowUpAt: null,
  });
  await em.flush();

  const document = opportunityDocument(row);
  const followUps = await recordCreated(context, {
    entity: 'opportunity',
    row,
    customerId: input.customerId,
    start,
    document,
    timeZone: creator.timeZone,
    reactions,
  });
  return { opportunity: document, followUps };
}
