import type { EntityManager } from '@mikro-orm/postgresql';
import type { RoutingPolicy } from '../../definitions/routing-policy.schema.ts';
import { boundQuery } from '../database/bound-query.ts';
import { HttpProblem } from '../http/http-problem.ts';

export interface PublishedRoutingPolicy {
  key: string;
  version: number;
  document: RoutingPolicy;
}

// Which version is latest changes only on publish; intake reads it on every lead, so it is kept for a moment (as the
// record definitions' latest pointers are), and a publish through this process forgets it at once. The document of
// a version never changes, so the same object is handed out and its compiled conditions are reused.
const latestTtlMs = 2_000;
const caches = new WeakMap<object, Map<string, { policy: PublishedRoutingPolicy | undefined; readAt: number }>>();

function cacheOf(em: EntityManager) {
  let cache = caches.get(em.config);
  if (cache === undefined) {
    cache = new Map();
    caches.set(em.config, cache);
  }
  return cache;
}

export function forgetRoutingPolicies(em: EntityManager): void {
  caches.delete(em.config);
}

export async function latestRoutingPolicy(em: EntityManager, key: string): Promise<PublishedRoutingPolicy | undefined> {
  const cache = cacheOf(em);
  const cached = cache.get(key);
  if (cached !== undefined && Date.now() - cached.readAt < latestTtlMs) return cached.policy;
  const readAt = Date.now();
  const [row] = await boundQuery<{ version: number; document: RoutingPolicy }>(
    em,
    "select version, document from definition_version where kind = 'routingPolicy' and key = $1 order by version desc limit 1",
    [key],
  );
  const previous = cached?.policy;
  // Same version as before: keep the same document object, so its compiled conditions stay cached.
  const policy = row === undefined ? undefined : previous?.version === row.version ? previous : { key, version: row.version, document: row.document };
  cache.set(key, { policy, readAt });
  return policy;
}

export function noSuchRoutingPolicy(key: string): HttpProblem {
  return new HttpProblem(
    404,
    'not-found',
    { en: 'No such routing policy', 'zh-CN': '分配策略不存在' },
    { en: `No routing policy "${key}" is published.`, 'zh-CN': `尚未发布分配策略“${key}”。` },
  );
}
