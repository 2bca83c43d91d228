import { HttpProblem } from '../http/http-problem.ts';
import { problem } from '../../engine/validation/problem.ts';

export function noSuchWebForm(id: number | string): HttpProblem {
  return new HttpProblem(404, 'not-found', { en: 'No such form', 'zh-CN': '表单不存在' }, { en: `There is no form ${id}.`, 'zh-CN': `表单 ${id} 不存在。` });
}

export function webFormKeyTaken(): HttpProblem {
  return new HttpProblem(
    409,
    'web-form-key-taken',
    { en: 'Form key taken', 'zh-CN': '表单标识已被占用' },
    { en: 'Another form has this key; its address would be the same.', 'zh-CN': '已有表单使用此标识，地址会重复。' },
    [problem('/key', 'webForm.keyTaken', 'Another form has this key.', '已有表单使用此标识。')],
  );
}

export function tooManySubmissions(retryAfterSeconds: number): HttpProblem {
  return new HttpProblem(
    429,
    'too-many-submissions',
    { en: 'Too many submissions', 'zh-CN': '提交过于频繁' },
    {
      en: `This form has been sent too often from your network. Try again in ${retryAfterSeconds} seconds.`,
      'zh-CN': `您所在网络提交此表单过于频繁，请在 ${retryAfterSeconds} 秒后重试。`,
    },
  );
}

export function submissionOriginRefused(): HttpProblem {
  return new HttpProblem(
    403,
    'cross-origin',
    { en: 'Site not allowed', 'zh-CN': '来源网站未获允许' },
    {
      en: 'This form does not take submissions from the site this came from. The form’s administrator can add the site to its allowed origins.',
      'zh-CN': '此表单不接受来自该网站的提交。表单管理员可将该网站加入允许的来源。',
    },
  );
}
