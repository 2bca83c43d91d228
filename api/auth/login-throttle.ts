import type { EntityManager } from '@mikro-orm/postgresql';
import { LoginAttempt, type LoginOutcome } from './login-attempt.entity.ts';

export const loginThrottleWindowMs = 15 * 60 * 1000;
export const failuresPerAccount = 5;
export const failuresPerIp = 20;

// Pending attempts count as failures until they are settled: a burst of parallel guesses cannot slip through while
// the passwords are still being checked.
const countedOutcomes: LoginOutcome[] = ['pending', 'failed'];

export type AttemptAdmission = { admitted: true; attemptId: number } | { admitted: false; retryAfterSeconds: number };

/**
 * Records an attempt before its password is checked, then counts. Each process inserts first and counts after, so
 * the n-th attempt to commit sees at least n rows: across any number of processes, no more than the limit get
 * through in a window, without locks or in-memory counters.
 */
export async function admitLoginAttempt(em: EntityManager, loginKey: string, ip: string, now: Date): Promise<AttemptAdmission> {
  const attemptId = await em.insert(LoginAttempt, { loginKey, ip, attemptedAt: now, outcome: 'pending' });
  const since = new Date(now.getTime() - loginThrottleWindowMs);
  const waitSeconds = Math.max(
    await retryAfter(em, { loginKey }, failuresPerAccount, attemptId, since, now),
    await retryAfter(em, { ip }, failuresPerIp, attemptId, since, now),
  );
  if (waitSeconds === 0) return { admitted: true, attemptId };
  // Refused attempts do not count, or a client that keeps knocking would never be let back in.
  await em.nativeUpdate(LoginAttempt, { id: attemptId }, { outcome: 'refused' });
  return { admitted: false, retryAfterSeconds: waitSeconds };
}

export async function settleLoginAttempt(em: EntityManager, attemptId: number, outcome: 'failed' | 'succeeded', now: Date): Promise<void> {
  await em.nativeUpdate(LoginAttempt, { id: attemptId }, { outcome });
  await em.nativeDelete(LoginAttempt, { attemptedAt: { $lt: new Date(now.getTime() - loginThrottleWindowMs) } });
}

/** Seconds until fewer than `limit` earlier failures remain in the window; 0 when this attempt may go on. */
async function retryAfter(
  em: EntityManager,
  key: { loginKey: string } | { ip: string },
  limit: number,
  ownId: number,
  since: Date,
  now: Date,
): Promise<number> {
  const earlier = await em.find(
    LoginAttempt,
    { ...key, id: { $ne: ownId }, outcome: { $in: countedOutcomes }, attemptedAt: { $gt: since } },
    { fields: ['attemptedAt'], orderBy: { attemptedAt: 'desc' }, limit },
  );
  if (earlier.length < limit) return 0;
  const oldestThatStillCounts = earlier[earlier.length - 1]!.attemptedAt.getTime();
  return Math.max(1, Math.ceil((oldestThatStillCounts + loginThrottleWindowMs - now.getTime()) / 1000));
}
