import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function logged(fields: Record<string, unknown>): string {
  const lines: string[] = [];
  createLogger('debug', (line) => lines.push(line)).info('event', fields);
  return lines.join('');
}

describe('log redaction', () => {
  it('hides values under secret-sounding keys, however deep', () => {
    const line = logged({ password: 'hunter2-long', body: { login: 'rep.li', password: 'hunter2-long', nested: [{ token: 'abc123' }] } });
    expect(line).not.toContain('hunter2-long');
    expect(line).not.toContain('abc123');
    expect(line).toContain('rep.li');
  });

  it('hides password hashes quoted in database errors, message and stack', () => {
    const error = new Error('new row violates check constraint\\n - detail: Failing row contains (7, rep.li, scrypt$32768$8$1$c2FsdA$a2V5, rep).');
    const line = logged({ error });
    expect(line).not.toMatch(/scrypt\$32768/);
    expect(line).toContain('scrypt$[redacted]');
  });

  it('keeps dates as dates', () => {
    expect(logged({ at: new Date('2026-11-24T00:00:00Z') })).toContain('"at":"2026-11-24T00:00:00.000Z"');
  });

  it('hides the password in a connection string', () => {
    expect(logged({ url: 'postgres://app:s3cret@db/crm' })).not.toContain('s3cret');
  });
});
