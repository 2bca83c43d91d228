import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CustomerRow } from '../customers/customer-document.ts';
import { AppUser } from '../users/user.entity.ts';

/**
 * How the caller stands to a customer's owners: `admin` (sees all), `primaryOwner`, `teamManager` (a role that sees
 * its team, and the primary owner is in that team — or the customer has no owner), `collaborator`, or `none`.
 * Ownership commands decide from this who may release, reassign, remove a claim or change collaborators.
 */
export type OwnershipStanding = 'admin' | 'primaryOwner' | 'teamManager' | 'collaborator' | 'none';

export async function ownershipStandingOf(em: EntityManager, caller: SignedIn, customer: CustomerRow): Promise<OwnershipStanding> {
  if (caller.role.visibility === 'all') return 'admin';
  const ownerId = customer.ownerId ?? null;
  if (ownerId === caller.user.id) return 'primaryOwner';
  if (caller.role.visibility === 'team') {
    if (ownerId === null) return 'teamManager';
    const owner = await em.findOne(AppUser, { id: ownerId }, { fields: ['teamId'] });
    if (caller.user.teamId !== null && owner?.teamId === caller.user.teamId) return 'teamManager';
  }
  const [collaborating] = await boundQuery<{ found: number }>(
    em,
    "select 1 as found from customer_owner where customer_id = $1 and user_id = $2 and role = 'collaborator'",
    [customer.id, caller.user.id],
  );
  return collaborating === undefined ? 'none' : 'collaborator';
}

/**
 * An active user the caller may give a customer to, with their team: administrators anyone, anyone else only
 * members of their own team (or themselves). undefined otherwise — the same for a user who does not exist.
 */
export async function assignableUser(
  em: EntityManager,
  caller: SignedIn,
  userId: number,
): Promise<{ id: number; teamId: number | null } | undefined> {
  const user = await em.findOne(AppUser, { id: userId, active: true }, { fields: ['teamId'] });
  if (user === null) return undefined;
  const teamId = user.teamId ?? null;
  const allowed =
    caller.role.visibility === 'all' || user.id === caller.user.id || (caller.user.teamId !== null && teamId === caller.user.teamId);
  return allowed ? { id: user.id, teamId } : undefined;
}
