import { problem, type Problem } from '../../engine/validation/problem.ts';
import { forbidden } from '../auth/auth-problems.ts';
import { notFound, type HttpProblem } from '../http/http-problem.ts';

export function noSuchContactRecord(id: unknown): HttpProblem {
  return notFound({ en: `There is no contact record ${String(id)} of this customer.`, 'zh-CN': `该客户没有编号为 ${String(id)} 的联系记录。` });
}

export function notTheAuthor(): HttpProblem {
  return forbidden({
    en: 'Only the person who logged a contact record may correct it.',
    'zh-CN': '只有联系记录的填写人可以修改该记录。',
  });
}

export function pastEditWindow(editableUntil: string): HttpProblem {
  return forbidden({
    en: `This contact record was logged more than 24 hours ago (editable until ${editableUntil}); it is history now. Log a new one instead.`,
    'zh-CN': `该联系记录已超过 24 小时（可修改至 ${editableUntil}），不能再修改。请新增一条联系记录。`,
  });
}

/** The times a contact record carries must make sense together and with now. */
export function contactTimeProblems(times: {
  now: Date;
  occurredAt: Date | undefined;
  nextFollowUpAt: Date | null | undefined;
  reminderAt: Date | null | undefined;
}): Problem[] {
  const problems: Problem[] = [];
  const { now, occurredAt } = times;
  if (occurredAt !== undefined && occurredAt.getTime() > now.getTime() + 5 * 60_000) {
    problems.push(problem('/occurredAt', 'contactRecord.inFuture', 'Cannot be in the future.', '不能晚于当前时间。'));
  }
  if (times.nextFollowUpAt != null && occurredAt !== undefined && times.nextFollowUpAt < occurredAt) {
    problems.push(
      problem('/nextFollowUpAt', 'contactRecord.followUpBeforeContact', 'Must be after the contact itself.', '必须晚于本次联系时间。'),
    );
  }
  if (times.reminderAt != null && times.reminderAt < now) {
    problems.push(problem('/reminderAt', 'contactRecord.reminderInPast', 'Must be in the future.', '必须是将来的时间。'));
  }
  return problems;
}
