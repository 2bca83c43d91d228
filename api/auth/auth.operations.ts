import { defineOperation, type ApiTag } from '../http/operation.ts';
import { loginBodySchema } from './login-body.schema.ts';
import { meDocumentSchema } from './me-document.ts';

export const authTag = {
  name: 'auth',
  title: { en: 'Sign-in', 'zh-CN': '登录' },
  description: {
    en: 'Sign in and out, and who you are. The session cookie from sign-in signs in every later request.',
    'zh-CN': '登录、退出以及查看当前用户。登录后的会话 Cookie 用于之后的每个请求。',
  },
} as const satisfies ApiTag;

export const logInOperation = defineOperation({
  operationId: 'logIn',
  method: 'post',
  path: '/auth/login',
  summary: { en: 'Sign in', 'zh-CN': '登录' },
  description:
    'Logins are compared without regard to case. An unknown login, a wrong password and a deactivated account get ' +
    'the same answer. After 5 failures for one login or 20 from one address within 15 minutes, attempts answer 429.',
  tags: [authTag],
  auth: 'public',
  body: loginBodySchema,
  responses: {
    200: {
      description: 'Signed in: who you are, as GET /api/me answers.',
      body: meDocumentSchema,
      headers: { 'Set-Cookie': { description: 'the session cookie, stagecraft_session', schema: { type: 'string' } } },
    },
  },
  problems: {
    401: '`invalid-credentials`: the login or the password is wrong.',
    429: '`too-many-attempts`: too many failed sign-ins; `Retry-After` says when to try again.',
  },
});

export const logOutOperation = defineOperation({
  operationId: 'logOut',
  method: 'post',
  path: '/auth/logout',
  summary: { en: 'Sign out', 'zh-CN': '退出登录' },
  description: 'Ends the session and clears its cookie; answers the same when there was no session.',
  tags: [authTag],
  auth: 'public',
  responses: { 204: { description: 'Signed out.' } },
});

export const getMeOperation = defineOperation({
  operationId: 'getMe',
  method: 'get',
  path: '/me',
  summary: { en: 'Who am I', 'zh-CN': '查看当前用户' },
  tags: [authTag],
  auth: 'session',
  responses: {
    200: { description: 'Your login, names, team, and your role with every permission filled in.', body: meDocumentSchema },
  },
});
