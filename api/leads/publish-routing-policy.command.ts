import type { MikroORM } from '@mikro-orm/postgresql';
import type { RoutingPolicy } from '../../definitions/routing-policy.schema.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { publishDefinition } from '../definitions/publish-definition.command.ts';
import type { PublishedRoutingPolicy } from './routing-policy-store.ts';

/**
 * Publishes the next version of a routing policy: the designer's generic publish (the engine's checks — conditions
 * against the lead catalogue, weights, working hours, fallbacks that end — the key in the address, the audit entry),
 * answered in this endpoint's own shape.
 */
export async function publishRoutingPolicy(orm: MikroORM, origin: CommandOrigin, key: string, document: RoutingPolicy): Promise<PublishedRoutingPolicy> {
  const published = await publishDefinition(orm, origin, { kind: 'routingPolicy', key }, { document }, { documentPath: '' });
  return { key, version: published.version, document: published.document as RoutingPolicy };
}
