import type { EntityManager } from '@mikro-orm/postgresql';
import { Team } from '../users/team.entity.ts';
import type { SignedIn } from './signed-in.ts';

/** The body of GET /api/me and of a successful sign-in: who you are, your team and what your role lets you do. */
export async function meDocument(em: EntityManager, { user, role }: SignedIn) {
  const team = user.teamId === null ? null : await em.findOne(Team, { id: user.teamId }, { fields: ['id', 'name'] });
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    email: user.email,
    timeZone: user.timeZone,
    locale: user.locale,
    team: team === null ? null : { id: team.id, name: team.name },
    role,
  };
}
