import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { recordOwnership } from '../notifications/notification-recipients.ts';
import { recordTables } from '../notifications/record-tables.ts';
import { effectPayloadOf } from '../outbox/effect-delivery.ts';
import type { OutboxHandler } from '../outbox/outbox-handler.ts';
import { scheduleTimer } from './due-timers.ts';
import type { ReminderDetails } from './reminder-timers.ts';

type Duration = Extract<EffectInvocation, { type: 'scheduleFollowUp' }>['params']['after'];

const durationMs = (duration: Duration | undefined) =>
  duration === undefined ? 0 : ((duration.days ?? 0) * 24 * 60 + (duration.hours ?? 0) * 60 + (duration.minutes ?? 0)) * 60_000;

/**
 * `effect.scheduleFollowUp`: the record is due for a follow-up `after` the change that asked for it (counted from
 * when that change committed, not from when the message is delivered). Its next follow-up date moves there unless
 * someone already planned an earlier one that is still ahead, and a reminder timer is armed `remindBefore` it. The
 * timer's key is the message's idempotency key, so a repeated delivery arms nothing new.
 */
export const scheduleFollowUpHandler: OutboxHandler = async (context, delivery) => {
  const { entity, recordId, actorId, effect } = effectPayloadOf(delivery, 'scheduleFollowUp');
  const { params } = effect;
  const [queued] = await boundQuery<{ created_at: Date | string }>(context.em, 'select created_at from outbox where id = $1', [delivery.id]);
  const followUpAt = new Date(new Date(queued?.created_at ?? context.now).getTime() + durationMs(params.after));
  const ownership = await recordOwnership(context.em, entity, recordId);
  if (ownership.customerId === null) return;

  const column = recordTables[entity]?.followUpColumn;
  if (column != null) {
    // Keeps the version alone, like the contact counters: the runtime's bookkeeping must not make a form stale.
    await boundExecute(
      context.em,
      `update ${recordTables[entity]!.table} set ${column} = $1
       where id = $2 and (${column} is null or ${column} < $3 or ${column} > $1)`,
      [followUpAt, recordId, context.now],
    );
  }
  const details: ReminderDetails = { reason: 'followUp', followUpAt: followUpAt.toISOString(), channel: params.channel ?? null, note: params.note ?? null };
  await scheduleTimer(context, {
    key: `followUp:${delivery.idempotencyKey}`,
    kind: 'reminder',
    entity,
    recordId,
    customerId: ownership.customerId,
    userId: actorId,
    details,
    dueAt: new Date(followUpAt.getTime() - durationMs(params.remindBefore)),
  });
};
