import { randomBytes } from 'node:crypto';
import { beginSessionRead, cachedSignedIn, rememberSession, sessionCacheStatus } from '../../api/auth/session-cache.ts';
import { sessionChangeChannel } from '../../api/auth/session-change-listener.ts';
import type { SignedIn } from '../../api/auth/signed-in.ts';
import type { TestApp } from './test-app.ts';

/**
 * Waits until the app's session cache has heard every user, role and session change committed so far. A change made
 * straight in SQL (as a test does) reaches an API process through the database's notice a moment later, as in
 * production; a test that changes a signed-in user's row and asks the app at once calls this in between.
 *
 * It caches a sentinel session, announces its end on the same channel and waits for it to go: PostgreSQL delivers
 * notices in commit order, so every earlier change has been heard by then.
 */
export async function sessionChangesHeard(app: TestApp, timeoutMs = 5_000): Promise<void> {
  const em = app.orm.em;
  // Not listening: nothing is cached, every request reads the database.
  if (!sessionCacheStatus(em).listening) return;
  const sentinel = randomBytes(32).toString('hex');
  // Belongs to no user and no role, so only its own notice drops it.
  const nobody = { user: { id: 0 }, role: { key: '' } } as unknown as SignedIn;
  rememberSession(beginSessionRead(em), sentinel, { signedIn: nobody, expiresAt: new Date(Date.now() + 60_000), lastSeenAt: new Date() });
  const sentinelEnds = JSON.stringify({ schema: app.schema.name, kind: 'sessions', keys: [sentinel] });
  await app.schema.pool.query('select pg_notify($1, $2)', [sessionChangeChannel, sentinelEnds]);
  const deadline = Date.now() + timeoutMs;
  while (cachedSignedIn(em, sentinel, new Date()) !== undefined) {
    if (Date.now() > deadline) throw new Error(`the app did not hear the session notices within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
