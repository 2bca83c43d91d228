import { useEffect, useState } from 'react';
import type { FieldDefinitions } from '../../../definitions/field-definitions.schema.ts';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { DefinitionsApi, Localized } from '../api/definitions-api.ts';

export interface ConversionTargets {
  /** The stages of the customer machine published last (the one new customers start on), final ones left out. */
  stages: ReadonlyArray<{ key: string; label: Localized }>;
  /** The customer's published custom fields a mapping can fill (auto numbers fill themselves). */
  customFields: ReadonlyArray<{ key: string; label: Localized; numeric: boolean }>;
}

/**
 * What a conversion mapping can aim at, read from the published definitions: undefined until loaded. Machines are
 * keyed by name, not entity, so the customer's is found among them; a tenant has a handful.
 */
export function useConversionTargets(api: DefinitionsApi): ConversionTargets | undefined {
  const [targets, setTargets] = useState<ConversionTargets>();
  useEffect(() => {
    let current = true;
    (async () => {
      const { items } = await api.list();
      const machines = await Promise.all(items.filter((item) => item.kind === 'machine' && item.latestVersion !== null).map((item) => api.get('machine', item.key)));
      const customer = machines
        .filter((detail) => (detail.latest.document as MachineDefinition).entity === 'customer')
        .sort((a, b) => b.latest.publishedAt.localeCompare(a.latest.publishedAt))[0];
      const states = Object.entries((customer?.latest.document as MachineDefinition | undefined)?.states ?? {});
      const fields = await api.get('fieldDefinitions', 'customer').then(
        (detail) => (detail.latest.document as FieldDefinitions).fields,
        () => [],
      );
      if (!current) return;
      setTargets({
        stages: states.filter(([, state]) => state.type !== 'final').map(([key, state]) => ({ key, label: state.label as Localized })),
        customFields: fields.filter((field) => field.type !== 'autoNumber').map((field) => ({ key: field.key, label: field.label as Localized, numeric: field.type === 'number' })),
      });
    })().catch(() => current && setTargets({ stages: [], customFields: [] }));
    return () => {
      current = false;
    };
  }, []);
  return targets;
}
