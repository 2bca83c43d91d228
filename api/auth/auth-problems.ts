import { HttpProblem } from '../http/http-problem.ts';

/** No session, or one that has ended. */
export function signInRequired(): HttpProblem {
  return new HttpProblem(
    401,
    'unauthenticated',
    { en: 'Sign-in required', 'zh-CN': '需要登录' },
    { en: 'You are not signed in, or your session has ended. Sign in again.', 'zh-CN': '您尚未登录或会话已过期，请重新登录。' },
  );
}

/** One answer for an unknown login, a wrong password and a deactivated account, so none can be told apart. */
export function invalidCredentials(): HttpProblem {
  return new HttpProblem(
    401,
    'invalid-credentials',
    { en: 'Sign-in failed', 'zh-CN': '登录失败' },
    { en: 'The login or the password is wrong.', 'zh-CN': '用户名或密码错误。' },
  );
}

/** The caller also sets Retry-After; the detail says the same in minutes for a person. */
export function tooManyAttempts(retryAfterSeconds: number): HttpProblem {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new HttpProblem(
    429,
    'too-many-attempts',
    { en: 'Too many sign-in attempts', 'zh-CN': '登录尝试次数过多' },
    {
      en: `Too many failed sign-in attempts. Try again in ${minutes} minute(s), or ask an administrator to reset the password.`,
      'zh-CN': `登录失败次数过多，请 ${minutes} 分钟后再试，或请管理员重置密码。`,
    },
  );
}

export function forbidden(reason: { en: string; 'zh-CN': string }): HttpProblem {
  return new HttpProblem(403, 'forbidden', { en: 'Not allowed', 'zh-CN': '无权操作' }, reason);
}

export function crossOriginRefused(): HttpProblem {
  return new HttpProblem(
    403,
    'cross-origin',
    { en: 'Cross-site request refused', 'zh-CN': '已拒绝跨站请求' },
    {
      en: 'This change did not come from a Stagecraft page (its Origin or Referer does not match this server). Reload Stagecraft and try again; an administrator can allow other origins with STAGECRAFT_ALLOWED_ORIGINS.',
      'zh-CN': '此更改并非来自 Stagecraft 页面（Origin 或 Referer 与本服务器不符）。请刷新 Stagecraft 后重试；管理员可通过 STAGECRAFT_ALLOWED_ORIGINS 允许其他来源。',
    },
  );
}
