import type { Request, Response } from 'express';
import { writeOriginAllowed } from '../auth/same-origin-writes.middleware.ts';
import type { WebFormRow } from './web-form-row.ts';

/**
 * CORS for a form's public endpoints: only an origin in the form's own list is told it may read the answer (and,
 * in a preflight, that it may send JSON); any other gets no CORS header at all, so its browser keeps the answer
 * from it. `Vary: Origin` keeps a cache from handing one site's answer to another.
 */
export function applyFormCors(form: WebFormRow, request: Request, response: Response, preflight: boolean): void {
  response.vary('Origin');
  const origin = request.get('origin');
  if (origin === undefined || !form.allowed_origins.includes(origin)) return;
  response.set('Access-Control-Allow-Origin', origin);
  if (preflight) {
    response.set({
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type, Accept-Language',
      'Access-Control-Max-Age': '600',
    });
  } else {
    response.set('Access-Control-Expose-Headers', 'Retry-After');
  }
}

/**
 * Whether a submission may be taken: one that names an origin must come from this server (the hosted page) or an
 * origin the form allows; one that names none (a server posting for its own page, a script) may, since it carries
 * no session and a browser always names the origin of a cross-site post.
 */
export function submissionOriginAllowed(form: WebFormRow, request: Request): boolean {
  return writeOriginAllowed({
    method: 'POST',
    origin: request.get('origin'),
    host: request.host,
    hasSessionCookie: false,
    allowedOrigins: form.allowed_origins,
  });
}
