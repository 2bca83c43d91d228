import type { Me } from '../api/me.ts';
import type { Person } from '../api/people.ts';

/**
 * Whom the signed-in manager may offer a customer to: active people of their own team (anyone active for a role
 * that sees everyone), minus the present owner. The server decides in the end (api/ownership/reassign-customer
 * .command.ts); this only keeps the list to names it would accept, sorted as people read them.
 */
export function reassignCandidates(people: readonly Person[], me: Pick<Me, 'team' | 'role'>, ownerId: number | null, collator: Intl.Collator): Person[] {
  const seesEveryone = me.role.visibility === 'all';
  return people
    .filter((person) => person.active && person.id !== ownerId && (seesEveryone || (me.team !== null && person.teamId === me.team.id)))
    .sort((a, b) => collator.compare(a.displayName, b.displayName));
}
