import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: what the cookie carries. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The session row's id for a token: a lookup needs the token, a leaked row gives nothing back. */
export function sessionIdOf(token: string): string {
  return sha256Hex(token);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
