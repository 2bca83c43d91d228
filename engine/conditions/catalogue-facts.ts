import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';

const indexes = new WeakMap<FactCatalogue, ReadonlyMap<string, FactDefinition>>();

/** The catalogue's fact of that name; catalogues are immutable once loaded, so the index is built once per object. */
export function factByName(catalogue: FactCatalogue, name: string): FactDefinition | undefined {
  let index = indexes.get(catalogue);
  if (index === undefined) {
    index = new Map(catalogue.facts.map((fact) => [fact.name, fact]));
    indexes.set(catalogue, index);
  }
  return index.get(name);
}
