import type { RequestHandler } from 'express';
import { crossOriginRefused } from './auth-problems.ts';
import { carriesSessionCookie } from './session-cookie.ts';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface WriteOrigin {
  method: string;
  /** The Origin header, else the origin of the Referer header; undefined when the request sent neither. */
  origin: string | undefined;
  /** The host the request was sent to (Host, or X-Forwarded-Host behind a trusted proxy). */
  host: string | undefined;
  hasSessionCookie: boolean;
  /** Extra origins (scheme://host[:port]) allowed to write, from STAGECRAFT_ALLOWED_ORIGINS. */
  allowedOrigins: readonly string[];
}

/**
 * Whether a request may change something. A write that names an origin must name this server or an allowed one;
 * a write that carries the session cookie must name one at all. SameSite=Strict already keeps the cookie off
 * cross-site requests in current browsers; this covers older browsers and same-site sibling hosts.
 */
export function writeOriginAllowed(request: WriteOrigin): boolean {
  if (!writeMethods.has(request.method.toUpperCase())) return true;
  if (request.origin === undefined) return !request.hasSessionCookie;
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    return false;
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return false;
  if (request.allowedOrigins.includes(origin.origin)) return true;
  return request.host !== undefined && sameHost(origin, request.host);
}

function sameHost(origin: URL, host: string): boolean {
  try {
    // Parsing the Host with the origin's scheme drops the default port on both sides (x.com:443 = https://x.com).
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}

function originOf(referer: string | undefined): string | undefined {
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/** Refuses, with 403 problem+json, writes under /api that do not come from our own pages (see writeOriginAllowed). */
export function sameOriginWrites(allowedOrigins: readonly string[]): RequestHandler {
  return (request, _response, next) => {
    const allowed = writeOriginAllowed({
      method: request.method,
      origin: request.get('origin') ?? originOf(request.get('referer')),
      host: request.host,
      hasSessionCookie: carriesSessionCookie(request),
      allowedOrigins,
    });
    if (!allowed) throw crossOriginRefused();
    next();
  };
}
