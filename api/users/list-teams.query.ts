import type { MikroORM } from '@mikro-orm/postgresql';
import { Team } from './team.entity.ts';
import { teamView, type TeamView } from './team-view.ts';
import type { PeopleScope } from './visible-users.ts';

/** Every team for 'all'; the viewer's own team (if any) for 'team'. */
export async function listTeams(orm: MikroORM, scope: PeopleScope): Promise<TeamView[]> {
  const em = orm.em.fork();
  if (scope.kind === 'all') return (await em.find(Team, {}, { orderBy: { name: 'asc' } })).map(teamView);
  if (scope.teamId === null) return [];
  return (await em.find(Team, { id: scope.teamId })).map(teamView);
}
