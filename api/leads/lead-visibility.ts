import type { BindParams } from '../database/bound-query.ts';
import type { CustomerScope } from '../customers/customer-visibility.ts';

/**
 * A SQL condition on the lead alias `l` for the caller's scope, the customers' rule applied to leads: `all` every
 * lead; `team` the lead pool plus leads owned by a member of their team or by themselves; `own` the pool plus their own.
 */
export function leadScopeSql(scope: CustomerScope, bind: BindParams): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'team':
      return `(l.ownership = 'pool' or l.owner_id = ${bind.add(scope.userId)}
               or exists (select 1 from app_user u where u.id = l.owner_id and u.team_id = ${bind.add(scope.teamId)}))`;
    case 'own':
      return `(l.ownership = 'pool' or l.owner_id = ${bind.add(scope.userId)})`;
  }
}
