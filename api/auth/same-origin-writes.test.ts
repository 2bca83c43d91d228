import { describe, expect, it } from 'vitest';
import { writeOriginAllowed, type WriteOrigin } from './same-origin-writes.middleware.ts';

function write(overrides: Partial<WriteOrigin>): WriteOrigin {
  return { method: 'POST', origin: undefined, host: 'crm.example.com', hasSessionCookie: true, allowedOrigins: [], ...overrides };
}

describe('which writes may change something', () => {
  it('lets reads through whatever their origin', () => {
    expect(writeOriginAllowed(write({ method: 'GET', origin: 'https://evil.example' }))).toBe(true);
  });

  it('lets a write from a page of this server through', () => {
    expect(writeOriginAllowed(write({ origin: 'https://crm.example.com' }))).toBe(true);
    expect(writeOriginAllowed(write({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toBe(true);
  });

  it('treats the default port as the same host', () => {
    expect(writeOriginAllowed(write({ origin: 'https://crm.example.com', host: 'crm.example.com:443' }))).toBe(true);
    expect(writeOriginAllowed(write({ origin: 'http://crm.example.com', host: 'crm.example.com:443' }))).toBe(false);
  });

  it('refuses a write from another host, another port or an opaque origin', () => {
    expect(writeOriginAllowed(write({ origin: 'https://evil.example' }))).toBe(false);
    expect(writeOriginAllowed(write({ origin: 'https://crm.example.com:8443' }))).toBe(false);
    expect(writeOriginAllowed(write({ origin: 'null' }))).toBe(false);
  });

  it('refuses a write that carries the session cookie but names no origin', () => {
    expect(writeOriginAllowed(write({ origin: undefined }))).toBe(false);
  });

  it('lets a write without cookie or origin through (a script signing in), and checks an origin when one is sent', () => {
    expect(writeOriginAllowed(write({ hasSessionCookie: false }))).toBe(true);
    expect(writeOriginAllowed(write({ hasSessionCookie: false, origin: 'https://evil.example' }))).toBe(false);
  });

  it('lets a write from an allowed origin through, matching scheme, host and port exactly', () => {
    const allowedOrigins = ['https://app.example.com'];
    expect(writeOriginAllowed(write({ origin: 'https://app.example.com', allowedOrigins }))).toBe(true);
    expect(writeOriginAllowed(write({ origin: 'http://app.example.com', allowedOrigins }))).toBe(false);
    expect(writeOriginAllowed(write({ origin: 'https://app.example.com:444', allowedOrigins }))).toBe(false);
  });
});
