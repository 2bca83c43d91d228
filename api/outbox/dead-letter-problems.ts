import { notFound, type HttpProblem } from '../http/http-problem.ts';

/** No parked message has this id: never one, delivered, still being tried, or already retried or discarded. */
export function noSuchDeadLetter(id: unknown): HttpProblem {
  return notFound({
    en: `There is no dead letter ${String(id)}: no outbox message with that id is parked (it may have been retried or discarded already).`,
    'zh-CN': `没有编号为 ${String(id)} 的死信：没有该编号的待处理失败消息（可能已被重试或丢弃）。`,
  });
}
