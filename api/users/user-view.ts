import type { FromSchema } from 'json-schema-to-ts';
import type { Locale } from '../../engine/validation/problem.ts';
import { localeSchema } from './user-bodies.schema.ts';

/** A user as the API shows it. Built field by field, so a new column (a hash, say) never leaks by default. */
export const userViewSchema = {
  title: 'User',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    login: { type: 'string' },
    displayName: { type: 'string' },
    email: { type: ['string', 'null'] },
    role: { type: 'string', description: 'the key of the user’s role (GET /api/roles)' },
    teamId: { type: ['integer', 'null'] },
    timeZone: { type: 'string', description: 'an IANA name such as Asia/Shanghai' },
    locale: localeSchema,
    active: { type: 'boolean', description: 'false: deactivated; cannot sign in' },
    createdAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer', minimum: 1, description: 'rises with every change; send it back as If-Match' },
  },
  required: ['id', 'login', 'displayName', 'email', 'role', 'teamId', 'timeZone', 'locale', 'active', 'createdAt', 'version'],
  additionalProperties: false,
} as const;

export type UserView = FromSchema<typeof userViewSchema>;

interface UserRow {
  id: number;
  login: string;
  displayName: string;
  email?: string | null;
  roleKey: string;
  teamId?: number | null;
  timeZone: string;
  locale: Locale;
  active: boolean;
  createdAt: Date;
  version: number;
}

export function userView(user: UserRow): UserView {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    email: user.email ?? null,
    role: user.roleKey,
    teamId: user.teamId ?? null,
    timeZone: user.timeZone,
    locale: user.locale,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}
