import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';

/** What GET /api/me/claim-quota answers and a claim reports: the day's allowance in the claimer's own time zone. */
export interface ClaimQuota {
  limit: number;
  usedToday: number;
  remaining: number;
  /** The next local midnight, when `usedToday` starts again from 0. */
  resetsAt: string;
  timeZone: string;
}

export interface Claimer {
  userId: number;
  timeZone: string;
  /** The role's claimQuotaPerDay. */
  limit: number;
}

/**
 * Serialises every claim by one user until their transaction ends, so counting today's claims and adding to them
 * cannot interleave with another of their requests. A two-key advisory lock (its own key space, apart from the
 * dedupe locks' one-key form): nothing else waits on it, unlike a row lock on app_user.
 */
export async function lockClaimQuota(em: EntityManager, userId: number): Promise<void> {
  await boundQuery(em, "select pg_advisory_xact_lock(hashtext('stagecraft.claim-quota'), ($1::bigint % 2147483648)::int)", [userId]);
}

/**
 * The claims a user made today — `ownership_event` rows with action `claim` and the user as the owner, from local
 * midnight to the next in their time zone, the half-open range the `ownedCountToday` fact compiles to — and what
 * their role allows. Inside a claim, call it after lockClaimQuota.
 */
export async function claimQuotaOf(em: EntityManager, claimer: Claimer, now: Date): Promise<ClaimQuota> {
  const zone = claimer.timeZone;
  const [row] = await boundQuery<{ used: number; resets_at: Date | string }>(
    em,
    `with today as (select date_trunc('day', $1::timestamptz at time zone $2::text) as day)
     select (select count(*)::int from ownership_event e
             where e.owner_id = $3 and e.action = 'claim'
               and e.occurred_at >= (today.day at time zone $2::text)
               and e.occurred_at < ((today.day + interval '1 day') at time zone $2::text)) as used,
            ((today.day + interval '1 day') at time zone $2::text) as resets_at
     from today`,
    [now.toISOString(), zone, claimer.userId],
  );
  const used = row?.used ?? 0;
  return {
    limit: claimer.limit,
    usedToday: used,
    remaining: Math.max(0, claimer.limit - used),
    resetsAt: new Date(row!.resets_at).toISOString(),
    timeZone: zone,
  };
}
