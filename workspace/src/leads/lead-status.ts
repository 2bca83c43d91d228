import type { MachineStateLabel } from '../api/leads.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';

/** A lead status in words from the published lead machine; a status the machine no longer has keeps its key. */
export function leadStatusName(statuses: readonly MachineStateLabel[] | undefined, key: string, locale: Locale): string {
  return statuses?.find((status) => status.key === key)?.label[locale] || key;
}
