import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { signedInOf } from '../auth/require-session.middleware.ts';
import type { CommandOrigin } from './command-context.ts';

const requestIdForm = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The signed-in caller as the actor, and the request's id for the audit trail: the X-Request-Id a proxy or client
 * sent when it is a plain token, otherwise a fresh one (echoed back, so a person can quote it).
 */
export function requestOrigin(request: Request, response: Response): CommandOrigin {
  const sent = request.get('x-request-id');
  const requestId = sent !== undefined && requestIdForm.test(sent) ? sent : randomUUID();
  response.set('X-Request-Id', requestId);
  return { actorId: signedInOf(response).user.id, requestId };
}

/** `If-Match: "3"` (or W/"3", or 3) → 3, else the body's `version`; undefined when neither names one. */
export function expectedVersion(request: Request, bodyVersion: number | undefined): number | undefined {
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(request.get('if-match') ?? '');
  return match === null ? bodyVersion : Number(match[1]);
}
