import type { MikroORM } from '@mikro-orm/postgresql';
import { availableTransitions } from '../../engine/machines/index.ts';
import type { LocalizedText, Problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { loadCustomerFactRow } from './customer-fact-row.ts';
import { visibleCustomer } from './customer-rows.ts';
import { customerScopeOf } from './customer-visibility.ts';
import { recordDefinitions } from './published-definitions.ts';

/** A button the workspace may show on the customer: the event to send and whether it would be accepted now. */
export interface CustomerAction {
  event: string;
  label: LocalizedText;
  available: boolean;
  target?: string;
  targetLabel?: LocalizedText;
  /** Why it is unavailable, in both languages, pointing into the definition. */
  reason?: Problem;
}

/**
 * The transitions the caller could take on the customer in its stage, from the definition version it runs on,
 * judged by the engine's own checks (roles, stage permissions, flags, required fields, guards over its facts). The
 * per-check detail (which may quote fact values) stays on the server; the reason of a refusal is shown.
 */
export async function customerActions(orm: MikroORM, caller: SignedIn, id: number, now: Date): Promise<CustomerAction[] | undefined> {
  const em = orm.em.fork();
  const customer = await visibleCustomer(em, customerScopeOf(caller), id, 'live');
  if (customer === undefined) return undefined;
  const definitions = await recordDefinitions(em, 'customer', { key: customer.definitionKey, version: customer.definitionVersion });
  const context = { now, timeZone: caller.user.timeZone };
  const facts = await loadCustomerFactRow(em, definitions.catalogue, id, context);
  if (facts === undefined) return undefined;
  const buttons = availableTransitions(definitions.machine.document, customer.machineSnapshot, {
    actor: { userId: String(caller.user.id), roles: [caller.role.key] },
    facts,
    now,
    timeZone: caller.user.timeZone,
    catalogue: definitions.catalogue,
  });
  return buttons.map((button) => ({
    event: button.event,
    label: button.label,
    available: button.available,
    ...(button.target === undefined ? {} : { target: button.target }),
    ...(button.targetLabel === undefined ? {} : { targetLabel: button.targetLabel }),
    ...(button.reason === undefined ? {} : { reason: button.reason }),
  }));
}
