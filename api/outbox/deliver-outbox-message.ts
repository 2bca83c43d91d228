import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import { runInTransaction } from '../commands/run-command.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import type { OutboxDelivery, OutboxHandler } from './outbox-handler.ts';
import { retryDelayMsAfter, type OutboxRetryPolicy } from './outbox-retry-policy.ts';
import { UndeliverableMessage } from './undeliverable-message.ts';

export type OutboxHandlers = Readonly<Record<string, OutboxHandler>>;

/** What became of one claimed message. */
export interface DeliveryOutcome {
  id: number;
  topic: string;
  status: 'done' | 'failed' | 'dead';
  /** Tries so far, this one included. */
  attempts: number;
  /** For `failed`: when the next try is due. */
  retryInMs?: number;
  error?: string;
}

interface ClaimedRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  attempts: number;
}

const errorTextLimit = 2_000;

/**
 * Claims one due message (the given one, or the oldest due) and delivers it, all in one transaction: the row lock
 * taken with `for update skip locked` keeps every other worker off it until the transaction ends, the handler runs
 * in a savepoint of that transaction, and the row is marked done in it. So a handler's database writes and the
 * `done` mark commit together or not at all: a worker killed half-way leaves the row pending and unlocked, and the
 * next worker runs it from scratch. A failing handler is rolled back to the savepoint and the row records the
 * failure: tried again after its backoff, or parked as dead after the last try (at once for an
 * {@link UndeliverableMessage}). Resolves undefined when nothing was due (or the row is someone else's right now).
 */
export async function deliverOutboxMessage(
  orm: MikroORM,
  handlers: OutboxHandlers,
  policy: OutboxRetryPolicy,
  options: { id?: number } = {},
): Promise<DeliveryOutcome | undefined> {
  return orm.em.fork().transactional(async (em) => {
    const [row] = await boundQuery<ClaimedRow>(
      em,
      `select id, topic, payload, idempotency_key, attempts from outbox
       where status in ('pending', 'failed') and available_at <= now() ${options.id === undefined ? '' : 'and id = $1'}
       order by available_at, id
       limit 1
       for update skip locked`,
      options.id === undefined ? [] : [options.id],
    );
    if (row === undefined) return undefined;
    const delivery: OutboxDelivery = {
      id: Number(row.id),
      topic: row.topic,
      payload: row.payload,
      idempotencyKey: row.idempotency_key,
      attempts: row.attempts,
    };
    const attempts = row.attempts + 1;
    try {
      const handler = handlers[delivery.topic];
      if (handler === undefined) throw noHandler(delivery.topic);
      const actorId = typeof delivery.payload.actorId === 'number' ? delivery.payload.actorId : null;
      // A nested transactional is a savepoint: a failing handler's writes are undone, the claim and the failure record stay.
      await em.transactional((inner) =>
        runInTransaction(inner, { actorId, requestId: `outbox:${delivery.id}` }, (context) => handler(context, delivery)),
      );
    } catch (error) {
      return recordFailure(em, delivery, attempts, error, policy);
    }
    await boundExecute(em, "update outbox set status = 'done', attempts = $2, done_at = now(), last_error = null where id = $1", [
      delivery.id,
      attempts,
    ]);
    return { id: delivery.id, topic: delivery.topic, status: 'done', attempts };
  });
}

async function recordFailure(
  em: EntityManager,
  delivery: OutboxDelivery,
  attempts: number,
  error: unknown,
  policy: OutboxRetryPolicy,
): Promise<DeliveryOutcome> {
  const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, errorTextLimit);
  const undeliverable = error instanceof UndeliverableMessage;
  if (undeliverable || attempts >= policy.maxAttempts) {
    const reason: LocalizedText = undeliverable
      ? error.reason
      : {
          en: `Failed ${attempts} times; the last error: ${message}`,
          'zh-CN': `已失败 ${attempts} 次；最后一次错误：${message}`,
        };
    await boundExecute(
      em,
      "update outbox set status = 'dead', attempts = $2, last_error = $3, dead_at = now(), dead_reason = $4::jsonb where id = $1",
      [delivery.id, attempts, message, JSON.stringify(reason)],
    );
    return { id: delivery.id, topic: delivery.topic, status: 'dead', attempts, error: message };
  }
  const retryInMs = retryDelayMsAfter(policy, attempts);
  await boundExecute(
    em,
    "update outbox set status = 'failed', attempts = $2, last_error = $3, available_at = now() + make_interval(secs => $4) where id = $1",
    [delivery.id, attempts, message, retryInMs / 1000],
  );
  return { id: delivery.id, topic: delivery.topic, status: 'failed', attempts, retryInMs, error: message };
}

function noHandler(topic: string): UndeliverableMessage {
  return new UndeliverableMessage({
    en: `Nothing in this version of Stagecraft delivers "${topic}" messages. Retry it after an update that handles them, or discard it.`,
    'zh-CN': `当前版本的 Stagecraft 无法投递“${topic}”消息。请在支持该消息的版本更新后重试，或丢弃它。`,
  });
}
