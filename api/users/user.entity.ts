import { defineEntity, p } from '@mikro-orm/core';
import type { Locale } from '../../engine/validation/problem.ts';

/**
 * A person who signs in. `login` is unique whatever its case (an index on lower(login)); `version` counts edits so a
 * change made from a stale form is refused instead of overwriting someone else's.
 */
export const AppUser = defineEntity({
  name: 'AppUser',
  tableName: 'app_user',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    login: p.string().length(64),
    displayName: p.string().length(120),
    email: p.string().length(254).nullable(),
    passwordHash: p.string().length(255).lazy().hidden(),
    roleKey: p.string().length(40),
    teamId: p.bigint('number').nullable(),
    timeZone: p.string().length(64),
    locale: p.string().length(5).$type<Locale>(),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().default(1),
  },
});
