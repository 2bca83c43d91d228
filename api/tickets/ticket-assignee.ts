import type { EntityManager } from '@mikro-orm/postgresql';
import type { RoleDocument } from '../../definitions/role.schema.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import type { CustomerScope } from '../customers/customer-visibility.ts';
import { boundQuery } from '../database/bound-query.ts';
import { assignableUser } from '../ownership/ownership-standing.ts';

/** The customers a user sees, from their role's visibility (as customerScopeOf does for the one signed in). */
function scopeOfUser(user: { id: number; teamId: number | null }, visibility: RoleDocument['visibility']): CustomerScope {
  if (visibility === 'all') return { kind: 'all' };
  if (visibility === 'team') return { kind: 'team', userId: user.id, teamId: user.teamId };
  return { kind: 'own', userId: user.id };
}

/**
 * Whether the caller may hand a ticket of `customerId` to `userId`: an active user the caller may give work to
 * (administrators anyone, others their own team or themselves — as for customers), who can see the ticket's
 * customer, since a ticket is visible exactly when its customer is; an assignee who could not open it is no assignee.
 */
export async function mayAssignTicketTo(em: EntityManager, caller: SignedIn, userId: number, customerId: number): Promise<boolean> {
  const user = await assignableUser(em, caller, userId);
  if (user === undefined) return false;
  const [role] = await boundQuery<{ visibility: RoleDocument['visibility'] }>(
    em,
    "select r.document->>'visibility' as visibility from app_user u join role r on r.key = u.role_key where u.id = $1",
    [userId],
  );
  if (role === undefined) return false;
  return (await visibleCustomer(em, scopeOfUser(user, role.visibility), customerId, 'live')) !== undefined;
}
