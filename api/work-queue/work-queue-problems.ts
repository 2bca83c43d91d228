import { problem, type Problem } from '../../engine/validation/problem.ts';
import { HttpProblem } from '../http/http-problem.ts';

export function unknownQueueSection(path: string, id: string, known: readonly string[]): Problem {
  return problem(
    path,
    'queue.unknownSection',
    `The queue has no section "${id}" here; expected one of ${known.join(', ')}.`,
    `队列中没有“${id}”分区；应为 ${known.join('、')} 之一。`,
  );
}

/** The published queue policy does not compile against the published catalogues (a fact or state it names is gone). */
export function queuePolicyUnusable(reason: string): HttpProblem {
  return new HttpProblem(
    503,
    'queue-policy-unusable',
    { en: 'Work queue not available', 'zh-CN': '工作队列不可用' },
    {
      en: `The published queue policy cannot be applied (${reason}). An administrator publishes a corrected policy.`,
      'zh-CN': `已发布的队列策略无法执行（${reason}）。请管理员发布修正后的策略。`,
    },
  );
}
