import { problem } from '../../engine/validation/problem.ts';
import { notFound, validationFailed, type HttpProblem } from '../http/http-problem.ts';

export function noSuchTicket(id: unknown): HttpProblem {
  return notFound({
    en: `There is no ticket ${String(id)} that you may see.`,
    'zh-CN': `没有您可查看的编号为 ${String(id)} 的工单。`,
  });
}

/** An assignee the caller may not give the ticket to, or who could not see it. */
export function unknownTicketAssignee(userId: number): HttpProblem {
  return validationFailed([
    problem(
      '/assigneeId',
      'ticket.unknownAssignee',
      `There is no active user ${userId} you may give this ticket to: one of your team (administrators: anyone) who can see its customer.`,
      `没有可接收此工单的在职用户 ${userId}：须为本团队成员（管理员：任何人）且能查看该客户。`,
    ),
  ]);
}
