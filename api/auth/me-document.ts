import type { EntityManager } from '@mikro-orm/postgresql';
import type { FromSchema } from 'json-schema-to-ts';
import { effectiveRoleSchema } from '../users/effective-role.ts';
import { Team } from '../users/team.entity.ts';
import { userViewSchema } from '../users/user-view.ts';
import type { SignedIn } from './signed-in.ts';

const userFields = userViewSchema.properties;

/** The body of GET /api/me and of a successful sign-in: who you are, your team and what your role lets you do. */
export const meDocumentSchema = {
  title: 'Me',
  type: 'object',
  properties: {
    id: userFields.id,
    login: userFields.login,
    displayName: userFields.displayName,
    email: userFields.email,
    timeZone: userFields.timeZone,
    locale: userFields.locale,
    team: {
      type: ['object', 'null'],
      properties: { id: { type: 'integer', minimum: 1 }, name: { type: 'string' } },
      required: ['id', 'name'],
      additionalProperties: false,
    },
    role: effectiveRoleSchema,
  },
  required: ['id', 'login', 'displayName', 'email', 'timeZone', 'locale', 'team', 'role'],
  additionalProperties: false,
} as const;

export type MeDocument = FromSchema<typeof meDocumentSchema>;

export async function meDocument(em: EntityManager, { user, role }: SignedIn): Promise<MeDocument> {
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
