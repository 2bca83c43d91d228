import type { CookieOptions, Request, Response } from 'express';

export const sessionCookieName = 'stagecraft_session';

/** The raw value of the session cookie when the request sends one (valid or not). */
function rawSessionCookie(request: Request): string | undefined {
  const prefix = `${sessionCookieName}=`;
  const part = request.headers.cookie?.split(';').find((candidate) => candidate.trim().startsWith(prefix));
  return part?.trim().slice(prefix.length);
}

/** The session token from the request's Cookie header, or undefined when absent or not token-shaped. */
export function readSessionCookie(request: Request): string | undefined {
  const value = rawSessionCookie(request);
  return value !== undefined && /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
}

/** Whether the request sends a session cookie at all, valid or not. */
export function carriesSessionCookie(request: Request): boolean {
  return rawSessionCookie(request) !== undefined;
}

function cookieOptions(request: Request): CookieOptions {
  // `request.secure` follows X-Forwarded-Proto only when STAGECRAFT_TRUST_PROXY says the proxy may be believed.
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: request.secure };
}

export function setSessionCookie(request: Request, response: Response, token: string, expiresAt: Date): void {
  response.cookie(sessionCookieName, token, { ...cookieOptions(request), expires: expiresAt });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(sessionCookieName, cookieOptions(request));
}
