import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/translate.ts';
import { loginProblems } from './login-problems.ts';

const t = translatorFor('zh-CN');

describe('sign-in problems', () => {
  it('put the one wrong-login-or-password answer by the password', () => {
    const problems = loginProblems(
      {
        kind: 'problem',
        problem: {
          type: 'https://stagecraft.dev/problems/invalid-credentials',
          title: '登录失败',
          status: 401,
          detail: '用户名或密码错误。',
        },
      },
      t,
    );
    expect(problems).toEqual({ byField: { password: ['用户名或密码错误。'] }, general: [] });
  });

  it('put validation messages by the field they name', () => {
    const problems = loginProblems(
      {
        kind: 'problem',
        problem: {
          type: 'https://stagecraft.dev/problems/validation',
          title: '请求无效',
          status: 400,
          detail: '请求中有 1 处问题',
          errors: [{ path: '/login', message: '长度不能少于 1 个字符' }],
        },
      },
      t,
    );
    expect(problems.byField).toEqual({ login: ['长度不能少于 1 个字符'] });
  });

  it('keep throttling for the whole form and say so in our words when the server is unreachable', () => {
    const throttled = loginProblems(
      {
        kind: 'problem',
        problem: { type: 'https://stagecraft.dev/problems/too-many-attempts', title: '登录尝试次数过多', status: 429, detail: '请 15 分钟后再试' },
      },
      t,
    );
    expect(throttled).toEqual({ byField: {}, general: ['请 15 分钟后再试'] });
    expect(loginProblems({ kind: 'unreachable' }, t).general).toEqual(['无法连接服务器，请检查网络后重试。']);
  });
});
