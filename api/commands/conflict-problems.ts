import { HttpProblem } from '../http/http-problem.ts';

/** A unique index refused the write: someone else's change got there first. */
export function changedConcurrently(): HttpProblem {
  return new HttpProblem(
    409,
    'conflict',
    { en: 'Conflicting change', 'zh-CN': '修改冲突' },
    {
      en: 'Someone else made a conflicting change at the same moment; nothing was saved. Reload and try again.',
      'zh-CN': '有人同时做了冲突的修改，本次未保存任何内容。请刷新后重试。',
    },
  );
}

/** The record's version moved on between reading and writing it. */
export function recordChangedSinceLoaded(current?: number): HttpProblem {
  const now = current === undefined ? '' : ` (now version ${current})`;
  const nowZh = current === undefined ? '' : `（当前版本 ${current}）`;
  return new HttpProblem(
    409,
    'stale-version',
    { en: 'Changed by someone else', 'zh-CN': '已被他人修改' },
    {
      en: `This record was changed since you loaded it${now}. Reload, then make your change again.`,
      'zh-CN': `您加载之后该记录已被修改${nowZh}。请刷新后重新修改。`,
    },
  );
}
