import { forbidden } from '../auth/auth-problems.ts';
import type { SignedIn } from '../auth/signed-in.ts';

/** Which users (and teams) a viewer may list: their role's record visibility applied to people. */
export type PeopleScope = { kind: 'all' } | { kind: 'team'; teamId: number | null; userId: number };

/** 'all' sees everyone, 'team' sees their own team; a role that sees only its own records gets /api/me instead. */
export function peopleScopeOf({ user, role }: SignedIn): PeopleScope {
  if (role.visibility === 'all') return { kind: 'all' };
  if (role.visibility === 'team') return { kind: 'team', teamId: user.teamId, userId: user.id };
  throw forbidden({
    en: `Your role (${role.labels.en}) sees only its own records, not other users.`,
    'zh-CN': `您的角色（${role.labels['zh-CN']}）只能查看自己的记录，不能查看其他用户。`,
  });
}

/** A MikroORM filter on app_user for the scope; a manager without a team sees only themselves. */
export function userFilterOf(scope: PeopleScope) {
  if (scope.kind === 'all') return {};
  return scope.teamId === null ? { id: scope.userId } : { teamId: scope.teamId };
}
