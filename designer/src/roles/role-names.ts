import { systemRole, type EventTransition, type MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { RoleSummary } from '../api/roles-api.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';
import { transitionsOfMachine } from '../model/machine-transitions.ts';

/** The roles a machine's panels offer, and how each is named in the interface language. */
export interface RoleNames {
  keys: readonly string[];
  label(role: string): string;
}

/** Until the tenant's roles are known (or when they cannot be read): the three every template has. */
const genericRoles = ['rep', 'manager', 'admin'];

/**
 * The tenant's roles, with their labels, plus any other role the machine names (shown by its key, so a typo stays
 * visible and can be unticked; the server names it as a problem). The system's own role is never offered.
 */
export function roleNames(machine: MachineDefinition, tenant: readonly RoleSummary[] | undefined, locale: Locale): RoleNames {
  const named = [
    ...Object.values(machine.states).flatMap((state) => Object.keys(state.permissions ?? {})),
    ...transitionsOfMachine(machine).flatMap((located) => (located.transition as EventTransition).roles ?? []),
  ];
  const known = tenant === undefined || tenant.length === 0 ? genericRoles : tenant.map((role) => role.key);
  const labels = new Map((tenant ?? []).map((role) => [role.key, role.labels[locale]]));
  return {
    keys: [...new Set([...known, ...named])].filter((role) => role !== systemRole),
    label: (role) => labels.get(role) ?? role,
  };
}
