import type { MikroORM } from '@mikro-orm/postgresql';
import { Router, type Request } from 'express';
import { route } from '../http/route-operation.ts';
import { invalidCredentials, signInRequired, tooManyAttempts } from './auth-problems.ts';
import { getMeOperation, logInOperation, logOutOperation } from './auth.operations.ts';
import { logIn } from './login.command.ts';
import { logOut } from './logout.command.ts';
import { meDocument } from './me-document.ts';
import { requireSession, signedInOf } from './require-session.middleware.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.ts';
import { loadSignedIn } from './signed-in.ts';

/** Sign in, sign out, and who am I. */
export function authRouter(orm: MikroORM): Router {
  const router = Router();

  route(router, logInOperation, async ({ body }, request, response) => {
    const result = await logIn(orm, { ...body, ip: clientIp(request), userAgent: request.get('user-agent') });
    if (result.outcome === 'throttled') {
      response.set('Retry-After', String(result.retryAfterSeconds));
      throw tooManyAttempts(result.retryAfterSeconds);
    }
    if (result.outcome === 'invalid-credentials') throw invalidCredentials();
    const em = orm.em.fork();
    const signedIn = await loadSignedIn(em, result.token, new Date(), { remember: false });
    if (signedIn === undefined) throw signInRequired();
    setSessionCookie(request, response, result.token, result.expiresAt);
    response.json(await meDocument(em, signedIn));
  });

  route(router, logOutOperation, async (_input, request, response) => {
    const token = readSessionCookie(request);
    if (token !== undefined) await logOut(orm, token);
    clearSessionCookie(request, response);
    response.status(204).end();
  });

  route(router, getMeOperation, requireSession(orm), async (_input, _request, response) => {
    response.json(await meDocument(orm.em.fork(), signedInOf(response)));
  });

  return router;
}

/** The caller's address; behind a proxy named in STAGECRAFT_TRUST_PROXY, the one it forwarded. */
function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
