import type { MikroORM } from '@mikro-orm/postgresql';
import type { FromSchema } from 'json-schema-to-ts';
import { AppUser } from './user.entity.ts';

export const personViewSchema = {
  title: 'Person',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    displayName: { type: 'string' },
    teamId: { type: ['integer', 'null'] },
    active: { type: 'boolean', description: 'false for someone who has left; old records still name them' },
  },
  required: ['id', 'displayName', 'teamId', 'active'],
  additionalProperties: false,
} as const;

export type PersonView = FromSchema<typeof personViewSchema>;

/**
 * Everyone's name, for every signed-in person: trails, ownership histories and notifications name people by id, and
 * a rep must be able to read who claimed a customer. Only the name and team — a login, e-mail address or role stays
 * behind the users API and its visibility.
 */
export async function peopleDirectory(orm: MikroORM): Promise<PersonView[]> {
  const users = await orm.em.fork().find(AppUser, {}, { fields: ['id', 'displayName', 'teamId', 'active'], orderBy: { id: 'asc' } });
  return users.map((user) => ({ id: user.id, displayName: user.displayName, teamId: user.teamId ?? null, active: user.active }));
}
