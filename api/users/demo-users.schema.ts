import type { FromSchema } from 'json-schema-to-ts';
import { createUserBodySchema } from './user-bodies.schema.ts';

const { login, displayName, email, role, locale, password } = createUserBodySchema.properties;
const teamNameSchema = { type: 'string', minLength: 1, maxLength: 120 } as const;

/** A template's demo logins (the file its manifest names in `demoUsers`): one shared, documented password. */
export const demoUsersSchema = {
  type: 'object',
  properties: {
    password,
    teams: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: teamNameSchema, manager: login },
        required: ['name'],
        additionalProperties: false,
      },
    },
    users: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: { login, displayName, email, role, locale, team: teamNameSchema },
        required: ['login', 'displayName', 'role'],
        additionalProperties: false,
      },
    },
  },
  required: ['password', 'users'],
  additionalProperties: false,
} as const;

export type DemoUsers = FromSchema<typeof demoUsersSchema>;
