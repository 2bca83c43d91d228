import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters; stored with every hash, so raising them later leaves old hashes verifiable. */
export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

// 2^15 × 8 × 128 bytes = 32 MiB and ~50 ms per hash: costly for a guesser, bearable for a login. libuv runs at most
// four hashes at once, which caps the memory a burst of logins can take.
export const defaultScryptParameters: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };

const saltBytes = 16;
const keyBytes = 32;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (salt and hash in base64url). */
export async function hashPassword(password: string, parameters: ScryptParameters = defaultScryptParameters): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyBytes, parameters);
  return ['scrypt', parameters.N, parameters.r, parameters.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` is the one `storedHash` was made from; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const parsed = parseHash(storedHash);
  if (parsed === undefined) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.parameters);
  return timingSafeEqual(key, parsed.key);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time a real verification would, for a login that names nobody: without it, an unknown login would
 * answer measurably faster than a wrong password and give away which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('stagecraft dummy password');
  await verifyPassword(password, await dummyHash);
  return false;
}

function parseHash(stored: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  // Bounds keep a tampered row from asking for gigabytes of memory.
  const sane = Number.isInteger(Math.log2(N)) && N >= 2 && r >= 1 && p >= 1 && p <= 16 && N * r <= 2 ** 22;
  if (!sane || salt.length < 8 || key.length < 16) return undefined;
  return { parameters: { N, r, p }, salt, key };
}

function derive(password: string, salt: Buffer, length: number, { N, r, p }: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
