import type { EntityName } from '../../../definitions/entity.schema.ts';
import { defaultFactCatalogues } from '../../../definitions/defaults/facts/default-fact-catalogues.ts';
import customerFields from '../../../definitions/defaults/fields/customer.fields.json' with { type: 'json' };
import type { FieldDefinition } from '../../../definitions/field-definitions.schema.ts';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { FactRow, TransitionContext } from '../machine-snapshot.ts';
import type { MachineValidationDeps } from '../validate-machine.ts';

export const defaultRoles = ['admin', 'manager', 'rep'] as const;

/** A Monday morning in Shanghai; tests move the clock by passing their own `now`. */
export const mondayMorning = new Date('2026-11-23T01:30:00Z');

function catalogueFor(entity: EntityName) {
  const catalogue = defaultFactCatalogues[entity as keyof typeof defaultFactCatalogues];
  if (catalogue === undefined) throw new Error(`No default fact catalogue for ${entity}.`);
  return catalogue;
}

/** What validateMachine needs for a default definition: its entity's catalogue and fields, the default roles. */
export function defaultValidationDeps(definition: Pick<MachineDefinition, 'entity'>): MachineValidationDeps {
  const fields = definition.entity === 'customer' ? (customerFields.fields as FieldDefinition[]) : [];
  return { catalogue: catalogueFor(definition.entity), fields, roles: defaultRoles };
}

export interface ContextOptions {
  roles?: readonly string[];
  facts?: FactRow;
  now?: Date;
  userId?: string;
}

/** A transition context for a record of the definition's entity, as a rep on Monday morning unless told otherwise. */
export function contextFor(
  definition: Pick<MachineDefinition, 'entity'>,
  options: ContextOptions = {},
): TransitionContext {
  return {
    actor: { userId: options.userId ?? 'rep-li-hong', roles: options.roles ?? ['rep'] },
    facts: options.facts ?? { custom_fields: {} },
    now: options.now ?? mondayMorning,
    timeZone: 'Asia/Shanghai',
    catalogue: catalogueFor(definition.entity),
  };
}
