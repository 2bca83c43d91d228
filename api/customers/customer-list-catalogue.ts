import type { EntityManager } from '@mikro-orm/postgresql';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { recordDefinitions } from './published-definitions.ts';

// ownerId is text in the catalogue but bigint in the table (PostgreSQL refuses `bigint = text`, see
// docs/recycling.md), so lists leave it out; `ownership` and the visibility scope cover "mine".
const notListable = new Set(['ownerId']);
const listCatalogues = new WeakMap<FactCatalogue, FactCatalogue>();

/**
 * The facts a customer list may filter and sort by: the published catalogue with the custom fields and the machine's
 * stages, as guards see it. A request without filter or sort does not need it, so a database without a published
 * machine still lists (with the built-in catalogue, which nothing then reads).
 */
export async function customerListCatalogue(em: EntityManager, needed: boolean): Promise<FactCatalogue> {
  const catalogue = needed ? (await recordDefinitions(em, 'customer')).catalogue : defaultFactCatalogues.customer;
  let listed = listCatalogues.get(catalogue);
  if (listed === undefined) {
    listed = { ...catalogue, facts: catalogue.facts.filter((fact) => !notListable.has(fact.name)) };
    listCatalogues.set(catalogue, listed);
  }
  return listed;
}
