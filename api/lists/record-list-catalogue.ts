import type { EntityManager } from '@mikro-orm/postgresql';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import { customerAccessOf } from '../customers/customer-access.ts';
import { publishedFields, recordDefinitions } from '../customers/published-definitions.ts';
import { recordFieldAccess, type RecordFieldAccess } from '../customers/record-field-access.ts';
import { leadAccessOf } from '../leads/lead-document.ts';
import type { EffectiveRole } from '../users/effective-role.ts';

/** The records that have a list with filters, sorts, keyset pages, saved views and an export. */
export const listedEntities = ['customer', 'lead', 'opportunity', 'order', 'ticket', 'contactRecord'] as const;
export type ListedEntity = (typeof listedEntities)[number];

/** Contact records are no entity: they have no published definitions (machine, fields, catalogue) of their own. */
type DefinedEntity = Exclude<ListedEntity, 'contactRecord'>;

const accessOf: Record<DefinedEntity, (role: EffectiveRole, fields: readonly FieldDefinition[]) => RecordFieldAccess> = {
  customer: customerAccessOf,
  lead: leadAccessOf,
  // Opportunities, orders and tickets have no built-in fields a role's fieldPermissions may restrict; their custom
  // fields may be.
  opportunity: (role, fields) => recordFieldAccess('opportunity', role, [], fields),
  order: (role, fields) => recordFieldAccess('order', role, [], fields),
  ticket: (role, fields) => recordFieldAccess('ticket', role, [], fields),
};

/** The role's access to every field of the entity's list: what filters, sorts, columns and masking follow. */
export async function listFieldAccess(em: EntityManager, entity: ListedEntity, role: EffectiveRole): Promise<RecordFieldAccess> {
  // No fieldPermissions name contact records' fields and they have no custom fields: every role may use them all.
  if (entity === 'contactRecord') return { columns: new Map(), custom: new Map() };
  return accessOf[entity](role, await publishedFields(em, entity));
}

// ownerId and assigneeId are text in the catalogues but bigint in the tables (PostgreSQL refuses `bigint = text`,
// see docs/recycling.md), so lists leave them out; `ownership` and the visibility scope cover "mine".
const notListable = new Set(['ownerId', 'assigneeId']);
const listCatalogues = new WeakMap<FactCatalogue, FactCatalogue>();

/**
 * The facts a list of `entity` may filter and sort by: the published catalogue with the custom fields and the
 * machine's stages, as guards see it. A request without filter or sort does not need it, so a database without a
 * published machine still lists (with the built-in catalogue, which nothing then reads). Contact records have only
 * their built-in catalogue.
 */
export async function recordListCatalogue(em: EntityManager, entity: ListedEntity, needed: boolean): Promise<FactCatalogue> {
  const catalogue = needed && entity !== 'contactRecord' ? (await recordDefinitions(em, entity)).catalogue : defaultFactCatalogues[entity];
  let listed = listCatalogues.get(catalogue);
  if (listed === undefined) {
    listed = { ...catalogue, facts: catalogue.facts.filter((fact) => !notListable.has(fact.name)) };
    listCatalogues.set(catalogue, listed);
  }
  return listed;
}
