import type { Problem } from '../../engine/validation/problem.ts';
import { HttpProblem, notFound } from '../http/http-problem.ts';

export function noSuchRecycleRule(ruleId: string): HttpProblem {
  return notFound({ en: `No recycle rule "${ruleId}" is published.`, 'zh-CN': `没有已发布的回收规则“${ruleId}”。` });
}

/** A published rule whose conditions the current catalogue no longer accepts (a custom field removed since). */
export function recycleRuleInvalid(ruleId: string, problems: readonly Problem[]): HttpProblem {
  return new HttpProblem(
    409,
    'recycle-rule-invalid',
    { en: 'Recycle rule no longer fits', 'zh-CN': '回收规则已不适用' },
    {
      en: `The recycle rule "${ruleId}" names facts or values the published customer catalogue no longer has; publish a corrected version.`,
      'zh-CN': `回收规则“${ruleId}”引用了当前客户事实目录中已不存在的事实或取值，请发布修正后的版本。`,
    },
    problems,
  );
}
