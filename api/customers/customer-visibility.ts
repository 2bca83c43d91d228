import type { SignedIn } from '../auth/signed-in.ts';
import type { BindParams } from '../database/bound-query.ts';

/**
 * Which customers a caller sees, from their role's record visibility: `all` every one; `team` the pool plus those
 * owned (primarily or collaboratively) by a member of their team or by themselves; `own` the pool plus their own
 * personal and collaborative customers.
 */
export type CustomerScope =
  | { kind: 'all' }
  | { kind: 'team'; userId: number; teamId: number | null }
  | { kind: 'own'; userId: number };

export function customerScopeOf({ user, role }: SignedIn): CustomerScope {
  if (role.visibility === 'all') return { kind: 'all' };
  if (role.visibility === 'team') return { kind: 'team', userId: user.id, teamId: user.teamId };
  return { kind: 'own', userId: user.id };
}

/** A SQL condition on the customer alias `c` for the scope; its values are bound through `bind` (never spliced in). */
export function customerScopeSql(scope: CustomerScope, bind: BindParams): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'team':
      return `(c.ownership = 'pool' or exists (select 1 from customer_owner co join app_user u on u.id = co.user_id
               where co.customer_id = c.id and (co.user_id = ${bind.add(scope.userId)} or u.team_id = ${bind.add(scope.teamId)})))`;
    case 'own':
      return `(c.ownership = 'pool' or exists (select 1 from customer_owner co where co.customer_id = c.id and co.user_id = ${bind.add(scope.userId)}))`;
  }
}
