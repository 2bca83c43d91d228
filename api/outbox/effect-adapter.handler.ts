import type { EffectAdapter } from '../../adapters/effects/effect-adapter.port.ts';
import type { OutboxHandler } from './outbox-handler.ts';

/** Hands a message to an adapter outside the system, with its idempotency key (see EffectAdapter). */
export function effectAdapterHandler(adapter: EffectAdapter): OutboxHandler {
  return async (_context, delivery) => {
    await adapter.deliver({ topic: delivery.topic, payload: delivery.payload, idempotencyKey: delivery.idempotencyKey });
  };
}
