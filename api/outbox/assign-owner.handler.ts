import type { EntityManager } from '@mikro-orm/postgresql';
import type { CommandContext } from '../commands/command-context.ts';
import { CustomerOwner } from '../customers/customer-owner.entity.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import type { OwnershipAction } from '../customers/ownership-event.entity.ts';
import { boundQuery } from '../database/bound-query.ts';
import { changeOwners, type OwnerSeat } from '../ownership/change-owners.ts';
import { AppUser } from '../users/user.entity.ts';
import { effectPayloadOf, ownershipChangedSinceQueued, type EffectPayload } from './effect-delivery.ts';
import type { OutboxHandler } from './outbox-handler.ts';
import { skipOwnershipEffect } from './skip-ownership-effect.ts';
import { UndeliverableMessage } from './undeliverable-message.ts';

/**
 * `assignOwner`: the customer gets a new primary owner — the person whose event decided it (`actor`), a named user,
 * or the owner it had before it last lost one (`previousOwner`). Taking a pool customer for oneself is a `claim`
 * (it counts towards the daily quota like any claim); anything else an `assign`, the old primary owner's loss a
 * `remove`. Collaborators stay unless `keepCollaborators` is false. Already the owner, deleted, or owners changed by
 * someone since the decision: nothing moves. `routing` needs the routing policy, which this version lacks: parked.
 * A ticket gets an assignee instead (see assignTicket).
 */
export const assignOwnerHandler: OutboxHandler = async (context, delivery) => {
  const payload = effectPayloadOf(delivery, 'assignOwner');
  if (payload.entity === 'ticket') return assignTicket(context, payload);
  if (payload.entity !== 'customer') throw customersOnly(payload.entity);
  const { em } = context;
  const customer = await visibleCustomer(em, { kind: 'all' }, payload.recordId, 'live', true);
  if (customer === undefined) return;
  const targetId = await targetUserId(context, payload);
  if (customer.ownerId === targetId) return;
  if (await ownershipChangedSinceQueued(em, customer.id, delivery)) {
    skipOwnershipEffect(context, customer.id, 'assignOwner', delivery.idempotencyKey);
    return;
  }
  const target = await em.findOne(AppUser, { id: targetId, active: true }, { fields: ['teamId'] });
  if (target === null) throw inactiveUser(targetId);

  const params = payload.effect.params;
  const keepCollaborators = !('keepCollaborators' in params) || params.keepCollaborators !== false;
  const current = await em.find(CustomerOwner, { customerId: customer.id }, { orderBy: { since: 'asc' } });
  const kept = keepCollaborators ? current.filter((owner) => owner.role === 'collaborator' && owner.userId !== targetId) : [];
  const owners: OwnerSeat[] = [
    { userId: targetId, role: 'primary' },
    ...kept.map((owner) => ({ userId: owner.userId, role: 'collaborator' as const })),
  ];
  const claim = customer.ownership === 'pool' && params.to === 'actor';
  const events: Array<{ ownerId: number; action: OwnershipAction }> = [
    ...current
      .filter((owner) => owner.userId !== targetId && !kept.some((k) => k.userId === owner.userId))
      .map((owner) => ({ ownerId: owner.userId, action: 'remove' as const })),
    { ownerId: targetId, action: claim ? 'claim' : 'assign' },
  ];
  await changeOwners(context, customer, {
    owners,
    teamId: target.teamId ?? null,
    events,
    audit: claim ? { action: 'claim', code: 'claimed' } : { action: 'reassign', code: 'assigned' },
    reason: null,
  });
};

/**
 * A ticket's `assignOwner` makes the person whose event decided it (`actor`, the one who took it) or a named user its
 * assignee, audited as the system's assignment; already theirs, or deleted since: nothing moves. The version stays:
 * an assignment the runtime carries out must not make an open form stale. `previousOwner` means nothing for a ticket.
 */
async function assignTicket(context: CommandContext, payload: EffectPayload<'assignOwner'>): Promise<void> {
  if (payload.effect.params.to === 'previousOwner') throw customersOnly('ticket');
  const targetId = await targetUserId(context, payload);
  const { em } = context;
  const [ticket] = await boundQuery<{ customer_id: string; assignee_id: string | null }>(
    em,
    'select customer_id, assignee_id from ticket where id = $1 and deleted_at is null for update',
    [payload.recordId],
  );
  if (ticket === undefined || Number(ticket.assignee_id) === targetId) return;
  if ((await em.count(AppUser, { id: targetId, active: true })) === 0) throw inactiveUser(targetId);
  await boundQuery(em, 'update ticket set assignee_id = $2 where id = $1', [payload.recordId, targetId]);
  context.audit({
    entity: 'ticket',
    recordId: payload.recordId,
    customerId: Number(ticket.customer_id),
    action: 'assign',
    before: { assigneeId: ticket.assignee_id === null ? null : Number(ticket.assignee_id) },
    after: { assigneeId: targetId },
    why: { kind: 'reason', code: 'assigned', source: 'effect' },
  });
}

async function targetUserId(context: CommandContext, payload: EffectPayload<'assignOwner'>): Promise<number> {
  const params = payload.effect.params;
  switch (params.to) {
    case 'actor':
      if (payload.actorId === null) throw noActor();
      return payload.actorId;
    case 'user': {
      const id = Number(params.userId);
      if (!Number.isSafeInteger(id) || id < 1) throw inactiveUser(params.userId);
      return id;
    }
    case 'previousOwner':
      return (await previousOwnerOf(context.em, payload.recordId)) ?? Promise.reject(noPreviousOwner());
    case 'routing':
      throw noRouting();
  }
}

/** The owner the customer last lost (released, recycled, reassigned away), if it ever had one. */
async function previousOwnerOf(em: EntityManager, customerId: number): Promise<number | undefined> {
  const [row] = await boundQuery<{ owner_id: string }>(
    em,
    `select owner_id from ownership_event
     where customer_id = $1 and action in ('release', 'remove') and owner_id is not null
     order by occurred_at desc, id desc limit 1`,
    [customerId],
  );
  return row === undefined ? undefined : Number(row.owner_id);
}

function customersOnly(entity: string): UndeliverableMessage {
  return new UndeliverableMessage({
    en: `This assignOwner cannot be carried out for a ${entity} in this version (customers take every kind; tickets take the actor or a named user). Assign it by hand, then discard this message.`,
    'zh-CN': `当前版本无法为 ${entity} 执行此 assignOwner 效果（客户支持所有方式；工单支持操作人或指定用户）。请手动分配后丢弃此消息。`,
  });
}

function inactiveUser(userId: number | string): UndeliverableMessage {
  return new UndeliverableMessage({
    en: `User ${userId} does not exist or is deactivated, so the customer cannot be given to them. Reactivate the user and retry, or discard this message.`,
    'zh-CN': `用户 ${userId} 不存在或已停用，无法将客户分配给该用户。请重新启用该用户后重试，或丢弃此消息。`,
  });
}

function noActor(): UndeliverableMessage {
  return new UndeliverableMessage({
    en: 'The effect gives the customer to the person who acted, but the system acted (a sweep or timer). Correct the definition, then discard this message.',
    'zh-CN': '该效果要把客户分配给操作人，但操作方是系统（定时任务或自动规则）。请修正定义后丢弃此消息。',
  });
}

function noPreviousOwner(): UndeliverableMessage {
  return new UndeliverableMessage({
    en: 'The effect gives the customer back to its previous owner, but it never had one. Assign it by hand, then discard this message.',
    'zh-CN': '该效果要把客户交还给之前的负责人，但该客户从未有过负责人。请手动分配后丢弃此消息。',
  });
}

function noRouting(): UndeliverableMessage {
  return new UndeliverableMessage({
    en: 'The effect asks the routing policy for an owner, and no routing policy is configured in this version. Configure routing (or assign by hand), then retry or discard this message.',
    'zh-CN': '该效果要求按分配策略指定负责人，但当前版本未配置分配策略。请配置分配策略（或手动分配）后重试或丢弃此消息。',
  });
}
