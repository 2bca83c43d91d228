import { effectPayloadOf } from '../outbox/effect-delivery.ts';
import type { OutboxHandler } from '../outbox/outbox-handler.ts';
import { recordOwnership, resolveRecipients } from './notification-recipients.ts';
import { notifyPeople } from './notify-people.ts';

/**
 * `effect.notify`: tells the people the effect names about its record, as notifications they read in the console
 * (and see live on their stream). Runs in the transaction that marks the outbox row done, and the row's idempotency
 * key makes each person's notification once, however often the row is delivered.
 */
export const notifyEffectHandler: OutboxHandler = async (context, delivery) => {
  const { entity, recordId, actorId, effect } = effectPayloadOf(delivery, 'notify');
  const { params } = effect;
  const ownership = await recordOwnership(context.em, entity, recordId);
  const userIds = await resolveRecipients(context.em, params.to, { entity, recordId, actorId }, ownership);
  await notifyPeople(context, {
    userIds,
    kind: 'notice',
    title: params.title,
    body: params.body ?? null,
    severity: params.severity ?? 'info',
    popup: params.popup ?? false,
    link: ownership.found ? { entity, recordId, customerId: ownership.customerId } : null,
    sourceKey: `outbox:${delivery.idempotencyKey}`,
  });
};
