import type { EntityManager } from '@mikro-orm/postgresql';
import { stopBeforeOrmCloses } from '../database/close-orm.ts';
import { listenForSessionChanges, type SessionChange, type SessionChangeListener } from './session-change-listener.ts';
import { lastSeenWriteIntervalMs, sessionIdleMs } from './session-lifetime.ts';
import type { SignedIn } from './signed-in.ts';

/** A session as last read from the database, with what it takes to tell in memory whether it is still live. */
export interface CachedSession {
  signedIn: SignedIn;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** Taken when a database read begins; the read's result is kept only if nothing changed since. */
export interface SessionRead {
  /** Undefined for a read that keeps nothing. */
  readonly cache: SessionCache | undefined;
  readonly generation: number;
}

interface SessionCache {
  entries: Map<string, CachedSession>;
  /**
   * Bumped by every change notice, every local forget and every gain or loss of the LISTEN connection. A read that
   * began under another generation may have seen rows a notice has since declared stale, so it is not kept.
   */
  generation: number;
  listening: boolean;
  listener: SessionChangeListener;
}

// Enough for every session of a large office on one process; past it the longest unrefreshed entry goes, so
// abandoned sessions (never signed out, never seen again) cannot grow the map without end.
const maxEntries = 10_000;

const caches = new WeakMap<object, SessionCache>();

/**
 * The ORM's session cache, its LISTEN connection opened on first use. Entries are kept and served only while that
 * connection is listening: before it is, and from its loss until it listens again (notices may have been missed
 * meanwhile), the cache is empty and every request reads the database.
 */
function sessionCacheOf(em: EntityManager): SessionCache {
  const existing = caches.get(em.config);
  if (existing !== undefined) return existing;
  const cache: SessionCache = {
    entries: new Map(),
    generation: 0,
    listening: false,
    listener: listenForSessionChanges(em, {
      onListening() {
        forgetChanged(cache, { kind: 'all' });
        cache.listening = true;
      },
      onChange(change) {
        forgetChanged(cache, change);
      },
      onLost() {
        cache.listening = false;
        forgetChanged(cache, { kind: 'all' });
      },
    }),
  };
  caches.set(em.config, cache);
  stopBeforeOrmCloses(em.config, () => cache.listener.close());
  return cache;
}

/** The cached signed-in user of a session id, if it is known to be live at `now` and needs no last-seen write yet. */
export function cachedSignedIn(em: EntityManager, sessionId: string, now: Date): SignedIn | undefined {
  const cache = sessionCacheOf(em);
  const entry = cache.listening ? cache.entries.get(sessionId) : undefined;
  if (entry === undefined) return undefined;
  const sinceSeenMs = now.getTime() - entry.lastSeenAt.getTime();
  const live = now < entry.expiresAt && sinceSeenMs < sessionIdleMs;
  if (live && sinceSeenMs < lastSeenWriteIntervalMs) return entry.signedIn;
  // Past the write interval the database must see the request (it restarts the idle clock), and its read is kept anew.
  cache.entries.delete(sessionId);
  return undefined;
}

/**
 * Marks the start of a database read of a session, for `rememberSession`. A read inside a transaction keeps nothing:
 * its snapshot may be older than this moment, so notices heard before it began may already describe it as stale.
 */
export function beginSessionRead(em: EntityManager): SessionRead {
  const cache = sessionCacheOf(em);
  return { cache: em.isInTransaction() ? undefined : cache, generation: cache.generation };
}

/** Keeps what a read found, unless a notice, a local forget or the connection's loss came in while it ran. */
export function rememberSession(read: SessionRead, sessionId: string, session: CachedSession): void {
  const { cache } = read;
  if (cache === undefined || !cache.listening || cache.generation !== read.generation) return;
  cache.entries.delete(sessionId);
  cache.entries.set(sessionId, { ...session, signedIn: deepFrozen(session.signedIn) });
  if (cache.entries.size > maxEntries) cache.entries.delete(cache.entries.keys().next().value!);
}

/** Drops a session this process just ended, so its next request is refused without waiting for the notice. */
export function forgetSession(em: EntityManager, sessionId: string): void {
  const cache = caches.get(em.config);
  if (cache !== undefined) forgetChanged(cache, { kind: 'sessions', keys: [sessionId] });
}

/** Drops every session of a user this process just changed (deactivated, new role, new password…), as above. */
export function forgetSessionsOfUser(em: EntityManager, userId: number): void {
  const cache = caches.get(em.config);
  if (cache !== undefined) forgetChanged(cache, { kind: 'users', keys: [String(userId)] });
}

/** Whether the ORM's cache is listening, how many sessions it holds, and its connection's backend (tests, health). */
export function sessionCacheStatus(em: EntityManager): { listening: boolean; entries: number; listenerBackendPid: number | undefined } {
  const cache = caches.get(em.config);
  return { listening: cache?.listening ?? false, entries: cache?.entries.size ?? 0, listenerBackendPid: cache?.listener.backendPid };
}

function forgetChanged(cache: SessionCache, change: SessionChange): void {
  cache.generation++;
  if (change.kind === 'all') {
    cache.entries.clear();
  } else if (change.kind === 'sessions') {
    for (const id of change.keys) cache.entries.delete(id);
  } else {
    const keys = new Set(change.keys);
    const keyOf = change.kind === 'users' ? (s: SignedIn) => String(s.user.id) : (s: SignedIn) => s.role.key;
    for (const [id, entry] of cache.entries) if (keys.has(keyOf(entry.signedIn))) cache.entries.delete(id);
  }
}

/**
 * One cached SignedIn now serves many requests: frozen, a handler that changed its copy would fail loudly instead of
 * changing who the next request is.
 */
function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}
