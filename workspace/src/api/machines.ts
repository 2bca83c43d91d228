import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { LocalizedText } from './me.ts';

/** A state of a published machine as lists label it (GET /api/machines/:entity/states). */
export interface MachineStateLabel {
  key: string;
  label: LocalizedText;
  color?: string;
  tags: string[];
  final: boolean;
}

export type MachineEntity = 'customer' | 'opportunity' | 'order' | 'ticket' | 'lead';

/** The states of the entity's latest published machine, in the designer's layout order. */
export const fetchMachineStates = async (api: ApiClient, entity: MachineEntity) =>
  (await api.get<{ states: MachineStateLabel[] }>(`/api/machines/${entity}/states`)).states;

/** A state in words from the machine's states; a state the machine no longer has keeps its key. */
export function stateName(states: readonly MachineStateLabel[] | undefined, key: string, locale: keyof LocalizedText): string {
  return states?.find((state) => state.key === key)?.label[locale] || key;
}
