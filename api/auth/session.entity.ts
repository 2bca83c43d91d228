import { defineEntity, p } from '@mikro-orm/core';

/**
 * A signed-in browser. `id` is the SHA-256 (hex) of the cookie's token; the token itself is never stored. A session
 * ends at `expiresAt` or after a spell without requests (see session-lifetime.ts), whichever comes first.
 */
export const UserSession = defineEntity({
  name: 'UserSession',
  tableName: 'user_session',
  properties: {
    id: p.string().length(64).primary(),
    userId: p.bigint('number'),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    lastSeenAt: p.datetime(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(400).nullable(),
  },
});
