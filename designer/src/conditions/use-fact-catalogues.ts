import { useEffect, useState } from 'react';
import { defaultFactCatalogues } from '../../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { FactCatalogue } from '../../../definitions/fact-catalogue.schema.ts';
import type { DefinitionsApi } from '../api/definitions-api.ts';

/**
 * The fact catalogues conditions over `entities` may name: each entity's published catalogue (its custom fields
 * included), else the default shipped with the code while the API has none.
 */
export function useFactCatalogues(api: DefinitionsApi, entities: readonly string[]): Readonly<Record<string, FactCatalogue>> {
  const [catalogues, setCatalogues] = useState<Record<string, FactCatalogue>>({});
  const wanted = [...new Set(entities)].sort().join(',');
  useEffect(() => {
    for (const entity of wanted === '' ? [] : wanted.split(',')) {
      if (entity in catalogues) continue;
      const fallback = (defaultFactCatalogues as Record<string, FactCatalogue>)[entity];
      api.get('factCatalogue', entity).then(
        (answer) => setCatalogues((current) => ({ ...current, [entity]: answer.latest.document as FactCatalogue })),
        () => fallback !== undefined && setCatalogues((current) => ({ ...current, [entity]: fallback })),
      );
    }
  }, [wanted]);
  return catalogues;
}
