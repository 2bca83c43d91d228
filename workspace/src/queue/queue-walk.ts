import type { ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import type { QueueItem } from '../api/queue-items.ts';

/**
 * Where a rep stands while walking the generated queue (seed 001: 正在跟踪…, then 下一个). Only the position of
 * the item on screen is remembered; the server decides what comes after it, so nothing is left for the rep to keep
 * in mind and an item whose follow-up just moved is not met again further down.
 */
export type QueueWalk =
  | { phase: 'loading'; current: QueueItem | undefined; worked: number }
  | { phase: 'showing'; current: QueueItem; worked: number }
  | { phase: 'finished'; current: undefined; worked: number }
  | { phase: 'failed'; current: QueueItem | undefined; worked: number; failure: ApiFailure };

export type QueueWalkEvent =
  | { type: 'next' }
  | { type: 'arrived'; item: QueueItem | null }
  | { type: 'failed'; failure: ApiFailure }
  | { type: 'restart' };

export const startedWalk: QueueWalk = { phase: 'loading', current: undefined, worked: 0 };

/** The walk after an event; a Next pressed while the previous one is still on its way is ignored. */
export function walkQueue(walk: QueueWalk, event: QueueWalkEvent): QueueWalk {
  switch (event.type) {
    case 'next':
      if (walk.phase !== 'showing' && walk.phase !== 'failed') return walk;
      return { phase: 'loading', current: walk.current, worked: walk.worked };
    case 'restart':
      return walk.phase === 'loading' ? walk : startedWalk;
    case 'arrived': {
      if (walk.phase !== 'loading') return walk;
      const worked = walk.current === undefined ? walk.worked : walk.worked + 1;
      return event.item === null
        ? { phase: 'finished', current: undefined, worked }
        : { phase: 'showing', current: event.item, worked };
    }
    case 'failed':
      if (walk.phase !== 'loading') return walk;
      return { phase: 'failed', current: walk.current, worked: walk.worked, failure: event.failure };
  }
}

/** The position to ask /api/me/queue/next after: the item on screen, or nothing for the first item. */
export function positionToAskAfter(walk: QueueWalk): string | undefined {
  return walk.current?.position;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

/** Whether a key press is the one-letter shortcut `letter`: pressed plainly, not typed into a field. */
export function isShortcutKey(event: KeyPress, letter: string): boolean {
  if (event.key.toLowerCase() !== letter.toLowerCase()) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const tag = event.target?.tagName?.toUpperCase();
  return !(tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || event.target?.isContentEditable === true);
}

/** Whether a key press means Next (N). */
export const isNextKey = (event: KeyPress): boolean => isShortcutKey(event, 'n');
