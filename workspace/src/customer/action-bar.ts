import type { RecordAction } from '../api/customers.ts';
import type { Locale } from '../i18n/locale.ts';

export interface ActionButton {
  event: string;
  label: string;
  /** The stage it leads to, in words; absent when the customer stays where it is (a flag changes). */
  leadsTo?: string;
  disabled: boolean;
  /** Why it cannot be pressed now, in the definition's words. */
  why?: string;
}

/**
 * The action bar of a customer: exactly the buttons GET …/actions lists, in the definition's order, labelled from
 * the definition in the interface language. Nothing here knows an event by name, so a stage or event added to the
 * machine shows up as a button without a new build.
 */
export function actionButtons(actions: readonly RecordAction[], locale: Locale): ActionButton[] {
  const seen = new Set<string>();
  return actions.flatMap((action) => {
    if (seen.has(action.event)) return [];
    seen.add(action.event);
    const button: ActionButton = { event: action.event, label: action.label[locale] || action.event, disabled: !action.available };
    if (action.targetLabel !== undefined) button.leadsTo = action.targetLabel[locale];
    else if (action.target !== undefined) button.leadsTo = action.target;
    if (!action.available && action.reason !== undefined) button.why = action.reason.message[locale];
    return [button];
  });
}
