import { forbidden } from '../auth/auth-problems.ts';
import type { SignedIn } from '../auth/signed-in.ts';

/** Whose work a person may review: a rep themself, a manager their team, an administrator everyone (or one team). */
export type ReviewScope = { kind: 'self'; userId: number } | { kind: 'team'; teamId: number } | { kind: 'all' };

export function reviewScopeOf({ user, role }: SignedIn, team: number | undefined): ReviewScope {
  if (role.visibility === 'all') return team === undefined ? { kind: 'all' } : { kind: 'team', teamId: team };
  if (role.visibility === 'team' && user.teamId !== null) {
    if (team !== undefined && team !== user.teamId) {
      throw forbidden({
        en: `You review your own team only (team ${user.teamId}), not team ${team}.`,
        'zh-CN': `您只能查看自己团队（团队 ${user.teamId}）的回顾分析，不能查看团队 ${team}。`,
      });
    }
    return { kind: 'team', teamId: user.teamId };
  }
  if (team !== undefined) {
    throw forbidden({
      en: `Your role (${role.labels.en}) reviews only your own work, not a team's.`,
      'zh-CN': `您的角色（${role.labels['zh-CN']}）只能查看自己的回顾分析，不能查看团队的。`,
    });
  }
  return { kind: 'self', userId: user.id };
}

/** The SQL condition on `app_user u` for the scope, binding its one value through `bind`. */
export function reviewScopeSql(scope: ReviewScope, bind: (value: unknown) => string): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'team':
      return `u.team_id = ${bind(scope.teamId)}::bigint`;
    case 'self':
      return `u.id = ${bind(scope.userId)}::bigint`;
  }
}
