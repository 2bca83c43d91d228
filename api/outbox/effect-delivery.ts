import type { EffectInvocation, EffectName } from '../../definitions/effect-catalogue.schema.ts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import type { OutboxDelivery } from './outbox-handler.ts';
import { UndeliverableMessage } from './undeliverable-message.ts';

/** An `effect.<type>` message's payload as effectMessages wrote it. */
export interface EffectPayload<N extends EffectName> {
  entity: string;
  recordId: number;
  actorId: number | null;
  effect: Extract<EffectInvocation, { type: N }>;
}

/**
 * The payload of an effect message, checked for the shape effectMessages writes. The effect's params were checked
 * against the catalogue when the definition was published, so they are trusted here.
 */
export function effectPayloadOf<N extends EffectName>(delivery: OutboxDelivery, type: N): EffectPayload<N> {
  const { entity, recordId, actorId, effect } = delivery.payload as Record<string, unknown>;
  const effectType = (effect as { type?: unknown } | null)?.type;
  if (typeof entity !== 'string' || typeof recordId !== 'number' || effectType !== type) {
    throw new UndeliverableMessage({
      en: `The message is not a ${type} effect as Stagecraft writes them (entity, recordId, effect); it was not written by this version.`,
      'zh-CN': `该消息不是 Stagecraft 写入的 ${type} 效果（entity、recordId、effect），并非由当前版本写入。`,
    });
  }
  return { entity, recordId, actorId: typeof actorId === 'number' ? actorId : null, effect: effect as EffectPayload<N>['effect'] };
}

/**
 * Whether someone changed who owns the customer after the message was queued (a claim, a release, a reassignment):
 * an ownership effect decided before that must not undo the newer decision. History rows written by the command
 * that queued the message carry its own time and do not count.
 */
export async function ownershipChangedSinceQueued(em: EntityManager, customerId: number, delivery: OutboxDelivery): Promise<boolean> {
  const [row] = await boundQuery<{ changed: boolean }>(
    em,
    `select exists (
       select 1 from ownership_event e, outbox o
       where o.id = $2 and e.customer_id = $1 and e.occurred_at > o.created_at
     ) as changed`,
    [customerId, delivery.id],
  );
  return row?.changed === true;
}
