import { defineEntity, p } from '@mikro-orm/core';

export type LoginOutcome = 'pending' | 'failed' | 'succeeded' | 'refused';

/** One try at signing in, kept for the throttling window; `loginKey` is the SHA-256 of the lower-cased login. */
export const LoginAttempt = defineEntity({
  name: 'LoginAttempt',
  tableName: 'login_attempt',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    loginKey: p.string().length(64),
    ip: p.string().length(64),
    attemptedAt: p.datetime(),
    outcome: p.string().length(10).$type<LoginOutcome>(),
  },
});
