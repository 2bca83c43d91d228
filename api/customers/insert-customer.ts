import type { StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import type { MachineActor } from '../../engine/machines/index.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { effectMessages } from '../outbox/effect-messages.ts';
import { autoNumberText, nextAutoNumber } from './auto-number.ts';
import { customerDocument, type CustomerDocument } from './customer-document.ts';
import { dedupeKeyOf, dedupeKeysOf, duplicateCustomer, findDuplicates, lockDedupeKeys } from './customer-dedupe.ts';
import { CustomerOwner } from './customer-owner.entity.ts';
import { startingPoint } from './customer-stage.ts';
import type { CustomerScope } from './customer-visibility.ts';
import { Customer, type Ownership } from './customer.entity.ts';
import { OwnershipEvent } from './ownership-event.entity.ts';
import type { RecordDefinitions } from './published-definitions.ts';

/** A customer whose every value has been decided and checked: what the create command and imports insert. */
export interface NewCustomer {
  name: string;
  phone: string | null;
  phoneNormalized: string | null;
  keywords: string[];
  /** A stage of `definitions.machine`; its initial stage for an ordinary create. */
  stage: string;
  ownership: Ownership;
  /** The primary owner; null exactly when the customer goes to the pool. */
  ownerId: number | null;
  collaboratorIds?: number[];
  teamId: number | null;
  doNotCall: boolean;
  contractEndsOn: string | null;
  customFields: Record<string, unknown>;
  /** Flags the customer's history already set (imported as contacted); only flags its stage declares. */
  flags?: StageFlags;
  createdBy: number | null;
  /** Demo data backdates its customers; everything else is created now. */
  createdAt?: Date;
}

/** Who is creating: their machine identity, their time zone, and what they may see of a duplicate. */
export interface Creator {
  actor: MachineActor;
  timeZone: string;
  scope: CustomerScope;
  /** The existing customer's name as this creator may see it (masked), or undefined when hidden. */
  shownName: (name: string) => string | undefined;
}

async function withAutoNumbers(context: CommandContext, fields: readonly FieldDefinition[], values: Record<string, unknown>) {
  const filled = { ...values };
  for (const field of fields) {
    if (field.type !== 'autoNumber' || (filled[field.key] !== undefined && filled[field.key] !== null && filled[field.key] !== '')) continue;
    filled[field.key] = autoNumberText(field, await nextAutoNumber(context.em, 'customer', field.key));
  }
  return filled;
}

/**
 * Inserts a customer inside the command's transaction: refuses a duplicate (first entered wins, race-safe), numbers
 * its auto-number fields, starts it in its stage, records its owners and the ownership event, and leaves the audit
 * entry (the engine's trace as the why) and the stage's entry effects for the runner to write.
 */
export async function insertCustomer(
  context: CommandContext,
  definitions: RecordDefinitions,
  input: NewCustomer,
  creator: Creator,
): Promise<CustomerDocument> {
  const { em } = context;
  const keys = dedupeKeysOf(input);
  await lockDedupeKeys(em, keys);
  const [duplicate] = await findDuplicates(em, keys, creator.scope, null);
  if (duplicate !== undefined) {
    const keywordPaths = new Map(input.keywords.map((keyword, index) => [dedupeKeyOf(keyword), index]));
    throw duplicateCustomer(duplicate, keywordPaths, creator.shownName);
  }

  const createdAt = input.createdAt ?? context.now;
  const customFields = await withAutoNumbers(context, definitions.fields, input.customFields);
  const facts = {
    name: input.name,
    phone: input.phone,
    stage: input.stage,
    ownership: input.ownership,
    owner_id: input.ownerId,
    custom_fields: customFields,
  };
  const start = startingPoint(definitions.machine.document, input.stage, {
    actor: creator.actor,
    facts,
    now: createdAt,
    timeZone: creator.timeZone,
    catalogue: definitions.catalogue,
  });

  const snapshot = input.flags === undefined ? start.snapshot : { ...start.snapshot, flags: { ...start.snapshot.flags, ...input.flags } };
  const customer = em.create(Customer, {
    name: input.name,
    nameKey: keys.nameKey,
    phone: input.phone,
    phoneNormalized: input.phoneNormalized,
    keywords: input.keywords,
    keywordKeys: keys.keywordKeys,
    stage: snapshot.value,
    machineSnapshot: snapshot,
    definitionKey: definitions.machine.key,
    definitionVersion: definitions.machine.version,
    ownership: input.ownership,
    ownerId: input.ownerId,
    teamId: input.teamId,
    doNotCall: input.doNotCall,
    callCount: 0,
    totalDealAmount: 0,
    contractEndsOn: input.contractEndsOn,
    lastContactAt: null,
    lastDealAt: null,
    nextFollowUpAt: null,
    customFields,
    createdBy: input.createdBy,
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
    deletedBy: null,
  });
  await em.flush();

  const owners = [
    ...(input.ownerId === null ? [] : [{ userId: input.ownerId, role: 'primary' as const }]),
    ...(input.collaboratorIds ?? []).filter((id) => id !== input.ownerId).map((userId) => ({ userId, role: 'collaborator' as const })),
  ];
  for (const owner of owners) em.create(CustomerOwner, { customerId: customer.id, ...owner, since: createdAt });
  for (const owner of owners.length === 0 ? [{ userId: null }] : owners) {
    em.create(OwnershipEvent, {
      customerId: customer.id,
      ownerId: owner.userId,
      action: 'create',
      actorId: context.actorId,
      occurredAt: createdAt,
      reason: null,
    });
  }
  await em.flush();

  const document = customerDocument(customer, owners.map((owner) => ({ ...owner, since: createdAt })));
  context.audit({
    entity: 'customer',
    recordId: customer.id,
    customerId: customer.id,
    action: 'create',
    before: null,
    after: { ...document },
    why: { kind: 'trace', trace: start.trace },
  });
  for (const message of effectMessages(
    { entity: 'customer', recordId: customer.id, version: customer.version, cause: `enter:${start.snapshot.value}`, actorId: context.actorId },
    start.effects,
  )) {
    context.enqueue(message);
  }
  return document;
}
