import { notifyEffectHandler } from '../notifications/notify-effect.handler.ts';
import { scheduleFollowUpHandler } from '../timers/schedule-follow-up.handler.ts';
import { assignOwnerHandler } from './assign-owner.handler.ts';
import type { OutboxHandler } from './outbox-handler.ts';
import { releaseToPoolHandler } from './release-to-pool.handler.ts';
import { unavailableEffectHandlers } from './unavailable-effect.handler.ts';

/**
 * Which handler delivers each outbox topic (`effect.<type>` for the catalogue's effects, see effect-messages.ts). A
 * topic missing here is parked as a dead letter saying so, never dropped. `setFlags` never reaches the outbox: the
 * engine applies it to the snapshot.
 */
export const outboxHandlers: Readonly<Record<string, OutboxHandler>> = {
  ...unavailableEffectHandlers,
  'effect.assignOwner': assignOwnerHandler,
  'effect.releaseToPool': releaseToPoolHandler,
  'effect.notify': notifyEffectHandler,
  'effect.scheduleFollowUp': scheduleFollowUpHandler,
};
