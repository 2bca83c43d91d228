import type { ProblemDocument } from '../../../ui-kit/api/api-failure.ts';
import type { RecordAction } from '../api/customers.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';

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
 * The action bar of a record (a customer, a lead): exactly the buttons GET …/actions lists, in the definition's order, labelled from
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

/** What an event still needs from the person: a payload field the API named (`/payload/reason`) and what it said. */
export interface PayloadAsk {
  field: string;
  message: string;
}

/**
 * What a refused event asks for: the payload fields named by the problem's entries at `/payload/<field>` (a
 * definition may require a reason — 判定无效 needs one — and the bar asks for it instead of hard-coding which event
 * needs what), or `payload` when the API only said a payload is missing, so the bar sends an empty one to learn
 * which fields; nothing when the refusal is about something else.
 */
export function payloadNeed(problem: ProblemDocument): PayloadAsk[] | 'payload' | undefined {
  const entries = problem.errors ?? [];
  const asks = entries.flatMap((entry) => {
    const field = /^\/payload\/([^/]+)$/.exec(entry.path)?.[1];
    return field === undefined ? [] : [{ field, message: entry.message }];
  });
  if (asks.length > 0) return asks;
  return entries.some((entry) => entry.path === '/payload') ? 'payload' : undefined;
}
