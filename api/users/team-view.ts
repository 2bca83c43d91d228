import type { FromSchema } from 'json-schema-to-ts';

/** A team as the API shows it. */
export const teamViewSchema = {
  title: 'Team',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: { type: 'string' },
    managerId: { type: ['integer', 'null'], description: 'the id of the user who manages the team' },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'name', 'managerId', 'createdAt'],
  additionalProperties: false,
} as const;

export type TeamView = FromSchema<typeof teamViewSchema>;

export function teamView(team: { id: number; name: string; managerId?: number | null; createdAt: Date }): TeamView {
  return { id: team.id, name: team.name, managerId: team.managerId ?? null, createdAt: team.createdAt.toISOString() };
}
