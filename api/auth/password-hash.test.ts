import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword, type ScryptParameters } from './password-hash.ts';

// Cheap parameters keep the property runs fast; the format carries them, so verification needs no hint.
const cheap: ScryptParameters = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('writes a self-describing scrypt$N$r$p$salt$hash string with the default cost', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('verifies every password against its own hash and refuses any other password', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 }), async (password, other) => {
        const hash = await hashPassword(password, cheap);
        expect(await verifyPassword(password, hash)).toBe(true);
        if (other.normalize('NFC') !== password.normalize('NFC')) expect(await verifyPassword(other, hash)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('salts every hash, so one password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', cheap), hashPassword('same password', cheap)]);
    expect(a).not.toBe(b);
  });

  it('treats composed and decomposed forms of the same text as the same password', async () => {
    const hash = await hashPassword('caf\u00e9-password', cheap);
    expect(await verifyPassword('cafe\u0301-password', hash)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['bcrypt$10$abc', 'another algorithm'],
    ['scrypt$1000$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5', 'N not a power of two'],
    ['scrypt$1048576$64$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5', 'a cost that would take gigabytes'],
    ['scrypt$1024$8$1$$', 'no salt or key'],
  ])('answers false, without throwing, for a malformed stored hash (%s: %s)', async (stored) => {
    expect(await verifyPassword('anything at all', stored)).toBe(false);
  });

  it('takes the time of a real verification for a login that names nobody, and always fails', async () => {
    expect(await verifyAgainstDummy('whatever')).toBe(false);
  });
});
