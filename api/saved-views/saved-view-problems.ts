import { HttpProblem } from '../http/http-problem.ts';

export function noSuchSavedView(id: number | string): HttpProblem {
  return new HttpProblem(
    404,
    'not-found',
    { en: 'No such saved view', 'zh-CN': '保存的视图不存在' },
    { en: `There is no saved view ${id} that you may see.`, 'zh-CN': `不存在您可查看的视图 ${id}。` },
  );
}

export function savedViewNotYours(): HttpProblem {
  return new HttpProblem(
    403,
    'forbidden',
    { en: 'Not allowed', 'zh-CN': '无权操作' },
    {
      en: 'This view was shared with your role; only its owner or an administrator may change or delete it.',
      'zh-CN': '此视图是共享给您角色的，只有创建者或管理员可以修改或删除。',
    },
  );
}
