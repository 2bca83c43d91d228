import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler, Response } from 'express';
import { signInRequired } from './auth-problems.ts';
import { readSessionCookie } from './session-cookie.ts';
import { loadSignedIn, type SignedIn } from './signed-in.ts';

declare global {
  namespace Express {
    interface Locals {
      /** Set by requireSession for every route behind it. */
      signedIn?: SignedIn;
    }
  }
}

/** Lets a request through only with a live session; puts its user and role on `response.locals.signedIn`. */
export function requireSession(orm: MikroORM): RequestHandler {
  return async (request, response, next) => {
    const token = readSessionCookie(request);
    const signedIn = token === undefined ? undefined : await loadSignedIn(orm.em, token);
    if (signedIn === undefined) throw signInRequired();
    response.locals.signedIn = signedIn;
    next();
  };
}

/** The signed-in user of a request that passed requireSession. */
export function signedInOf(response: Response): SignedIn {
  const signedIn = response.locals.signedIn;
  // Reaching here without one is a routing mistake (a handler mounted outside requireSession), not a user error.
  if (signedIn === undefined) throw new Error('signedInOf called on a route without requireSession');
  return signedIn;
}
