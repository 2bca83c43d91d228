import type { MikroORM } from '@mikro-orm/postgresql';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { RoutingPolicy } from '../../definitions/routing-policy.schema.ts';
import { validateRoutingPolicy } from '../../engine/policies/validate-routing-policy.ts';
import { problem } from '../../engine/validation/problem.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import { forgetRoutingPolicies, type PublishedRoutingPolicy } from './routing-policy-store.ts';

/**
 * Publishes the next version of a routing policy after the engine's checks (conditions against the catalogue of the
 * entity it routes, weights, working hours, fallbacks that end). Versions are immutable; the audit entry keeps who.
 */
export async function publishRoutingPolicy(orm: MikroORM, origin: CommandOrigin, key: string, document: RoutingPolicy): Promise<PublishedRoutingPolicy> {
  const catalogue = defaultFactCatalogues[document.entity];
  const problems = validateRoutingPolicy(document, { catalogue });
  if (document.id !== key) problems.push(problem('/id', 'policy.keyMismatch', `Must be "${key}", the key in the address.`, `必须为地址中的“${key}”。`));
  if (problems.length > 0) throw validationFailed(problems);
  const em = orm.em.fork();
  try {
    return await runCommand(orm, origin, async (context) => {
      const [row] = await boundQuery<{ id: string; version: number }>(
        context.em,
        `insert into definition_version (kind, key, version, document, source)
         select 'routingPolicy', $1::varchar, coalesce(max(version), 0) + 1, $2::jsonb, 'api' from definition_version where kind = 'routingPolicy' and key = $1::varchar
         returning id, version`,
        [key, JSON.stringify(document)],
      );
      context.audit({
        entity: 'routingPolicy',
        recordId: Number(row!.id),
        customerId: null,
        action: 'publish',
        before: null,
        after: { key, version: row!.version },
        why: { kind: 'reason', code: 'publish' },
      });
      return { key, version: row!.version, document };
    });
  } finally {
    forgetRoutingPolicies(em);
  }
}
