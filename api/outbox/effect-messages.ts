import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type { OutboxInput } from '../commands/command-context.ts';

export interface EffectSource {
  entity: string;
  recordId: number;
  /** The record's version after the change: with the effect's position it makes the idempotency key. */
  version: number;
  /** What produced the effects, e.g. `enter:potential` or `transition:UPGRADE`; part of the key as well. */
  cause: string;
  actorId: number | null;
}

/**
 * Outbox messages for the effects the engine returned, one per effect, keyed so that the same change can never
 * enqueue the same effect twice.
 */
export function effectMessages(source: EffectSource, effects: readonly EffectInvocation[]): OutboxInput[] {
  return effects.map((effect, index) => ({
    topic: `effect.${effect.type}`,
    payload: { entity: source.entity, recordId: source.recordId, actorId: source.actorId, effect },
    idempotencyKey: `${source.entity}:${source.recordId}:v${source.version}:${source.cause}:${index}`,
  }));
}
