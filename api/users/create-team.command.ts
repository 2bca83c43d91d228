import { sql, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { problem } from '../../engine/validation/problem.ts';
import { validationFailed } from '../http/http-problem.ts';
import { Team } from './team.entity.ts';
import { teamView, type TeamView } from './team-view.ts';
import type { CreateTeamBody } from './user-bodies.schema.ts';
import { AppUser } from './user.entity.ts';
import { teamNameTaken } from './user-problems.ts';

/** Creates a team; its name is unique whatever the case, and its manager must be an existing user. */
export async function createTeam(orm: MikroORM, body: CreateTeamBody): Promise<TeamView> {
  const em = orm.em.fork();
  const name = body.name.trim();
  const managerId = body.managerId ?? null;
  if (managerId !== null && (await em.count(AppUser, { id: managerId })) === 0) {
    throw validationFailed([problem('/managerId', 'team.unknownManager', `There is no user ${managerId}.`, `没有编号为 ${managerId} 的用户。`)]);
  }
  if ((await em.count(Team, { [sql.lower('name')]: name.toLowerCase() })) > 0) throw teamNameTaken(name);
  const team = em.create(Team, { name, managerId });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw teamNameTaken(name);
    throw error;
  }
  return teamView(team);
}
