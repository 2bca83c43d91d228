import { forbidden } from '../auth/auth-problems.ts';
import { HttpProblem } from '../http/http-problem.ts';

export function noSuchCallScript(id: number | string): HttpProblem {
  return new HttpProblem(
    404,
    'not-found',
    { en: 'No such call script', 'zh-CN': '话术不存在' },
    { en: `There is no call script ${id} that you may see.`, 'zh-CN': `不存在您可查看的话术 ${id}。` },
  );
}

export function referenceScriptsKeptByManagers(): HttpProblem {
  return forbidden({
    en: 'Reference scripts are written and changed by managers and administrators; write a personal script instead.',
    'zh-CN': '参考话术由经理和管理员编写和修改；您可以改为编写个人话术。',
  });
}
