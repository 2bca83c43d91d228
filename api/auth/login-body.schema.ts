import type { FromSchema } from 'json-schema-to-ts';

/** POST /api/auth/login. No pattern on `login`: any malformed login is just one that does not exist (401). */
export const loginBodySchema = {
  title: 'Credentials',
  type: 'object',
  properties: {
    login: { type: 'string', minLength: 1, maxLength: 200 },
    password: { type: 'string', minLength: 1, maxLength: 1000 },
  },
  required: ['login', 'password'],
  additionalProperties: false,
} as const;

export type LoginBody = FromSchema<typeof loginBodySchema>;
