import type { FromSchema } from 'json-schema-to-ts';
import { roleSchema } from '../../definitions/role.schema.ts';

export const minimumPasswordLength = 10;

const loginSchema = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]*$',
  minLength: 2,
  maxLength: 64,
  description: 'letters, digits and . _ @ -; unique whatever the case',
} as const;
const displayNameSchema = { type: 'string', minLength: 1, maxLength: 120 } as const;
const emailSchema = { type: ['string', 'null'], format: 'email', maxLength: 254 } as const;
const passwordSchema = { type: 'string', minLength: minimumPasswordLength, maxLength: 200 } as const;
const roleKeySchema = roleSchema.properties.key;
const teamIdSchema = { type: ['integer', 'null'], minimum: 1 } as const;
const timeZoneSchema = { type: 'string', minLength: 1, maxLength: 64, description: 'an IANA name such as Asia/Shanghai' } as const;
export const localeSchema = { enum: ['zh-CN', 'en'], description: 'the language of the user’s screens and messages' } as const;

/** POST /api/users */
export const createUserBodySchema = {
  title: 'New user',
  type: 'object',
  properties: {
    login: loginSchema,
    displayName: displayNameSchema,
    email: emailSchema,
    password: passwordSchema,
    role: roleKeySchema,
    teamId: teamIdSchema,
    timeZone: timeZoneSchema,
    locale: localeSchema,
  },
  required: ['login', 'displayName', 'password', 'role'],
  additionalProperties: false,
} as const;

/** PATCH /api/users/:id — `version` (or an If-Match header) names the version the change was made from. */
export const updateUserBodySchema = {
  title: 'User change',
  type: 'object',
  properties: {
    version: { type: 'integer', minimum: 1 },
    displayName: displayNameSchema,
    email: emailSchema,
    password: passwordSchema,
    role: roleKeySchema,
    teamId: teamIdSchema,
    timeZone: timeZoneSchema,
    locale: localeSchema,
    active: { type: 'boolean' },
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

/** POST /api/teams */
export const createTeamBodySchema = {
  title: 'New team',
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' },
    managerId: { type: ['integer', 'null'], minimum: 1 },
  },
  required: ['name'],
  additionalProperties: false,
} as const;

export type CreateUserBody = FromSchema<typeof createUserBodySchema>;
export type UpdateUserBody = FromSchema<typeof updateUserBodySchema>;
export type CreateTeamBody = FromSchema<typeof createTeamBodySchema>;
