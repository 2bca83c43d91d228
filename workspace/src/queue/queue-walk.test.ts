import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../api/queue-items.ts';
import { isNextKey, positionToAskAfter, startedWalk, walkQueue, type QueueWalk, type QueueWalkEvent } from './queue-walk.ts';

const item = (id: number): QueueItem => ({
  position: `targetsToDevelop:customer:${id}:W10`,
  section: 'targetsToDevelop',
  entity: 'customer',
  id,
  due: { bucket: 'today' },
  customer: { id, name: `客户${id}`, stage: 'target', ownership: 'personal' },
});

describe('walking the queue', () => {
  it('asks for the first item, then for the one after the item on screen', () => {
    expect(positionToAskAfter(startedWalk)).toBeUndefined();
    const first = walkQueue(startedWalk, { type: 'arrived', item: item(1) });
    expect(first).toMatchObject({ phase: 'showing', current: { id: 1 }, worked: 0 });
    const asking = walkQueue(first, { type: 'next' });
    expect(asking.phase).toBe('loading');
    expect(positionToAskAfter(asking)).toBe(item(1).position);
    expect(walkQueue(asking, { type: 'arrived', item: item(2) })).toMatchObject({ phase: 'showing', current: { id: 2 }, worked: 1 });
  });

  it('ends when the server has nothing after, counting the last item as worked', () => {
    const last = walkQueue(walkQueue(walkQueue(startedWalk, { type: 'arrived', item: item(1) }), { type: 'next' }), { type: 'arrived', item: null });
    expect(last).toEqual({ phase: 'finished', current: undefined, worked: 1 });
    expect(walkQueue(startedWalk, { type: 'arrived', item: null })).toEqual({ phase: 'finished', current: undefined, worked: 0 });
  });

  it('keeps the item on screen when Next fails, and Next again retries from it', () => {
    const shown = walkQueue(startedWalk, { type: 'arrived', item: item(1) });
    const failed = walkQueue(walkQueue(shown, { type: 'next' }), { type: 'failed', failure: { kind: 'unreachable' } });
    expect(failed).toMatchObject({ phase: 'failed', current: { id: 1 } });
    expect(positionToAskAfter(walkQueue(failed, { type: 'next' }))).toBe(item(1).position);
  });

  it('never counts more items worked than arrived, however Next and answers interleave', () => {
    const events = fc.oneof(
      fc.constant<QueueWalkEvent>({ type: 'next' }),
      fc.constant<QueueWalkEvent>({ type: 'restart' }),
      fc.constant<QueueWalkEvent>({ type: 'failed', failure: { kind: 'unreachable' } }),
      fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }).map((id): QueueWalkEvent => ({ type: 'arrived', item: id === null ? null : item(id) })),
    );
    fc.assert(
      fc.property(fc.array(events, { maxLength: 40 }), (sequence) => {
        let walk: QueueWalk = startedWalk;
        let arrivedItems = 0;
        for (const event of sequence) {
          const before = walk;
          walk = walkQueue(walk, event);
          if (event.type === 'arrived' && before.phase === 'loading' && event.item !== null) arrivedItems += 1;
          if (event.type === 'restart' && before.phase !== 'loading') arrivedItems = 0;
          expect(walk.worked).toBeLessThanOrEqual(arrivedItems);
          // Only a walk waiting for an answer takes one: a late answer cannot replace what the rep is looking at.
          if (before.phase !== 'loading' && (event.type === 'arrived' || event.type === 'failed')) expect(walk).toBe(before);
          if (walk.phase === 'showing') expect(walk.current).toBeDefined();
        }
      }),
    );
  });
});

describe('the Next key', () => {
  const press = (key: string, target: { tagName?: string; isContentEditable?: boolean } | null, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) =>
    isNextKey({ key, target, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

  it('is N or n pressed outside a field', () => {
    expect(press('n', { tagName: 'BODY' })).toBe(true);
    expect(press('N', { tagName: 'BUTTON' })).toBe(true);
    expect(press('m', { tagName: 'BODY' })).toBe(false);
  });

  it('is not an n typed into notes or a search box, nor Ctrl+N', () => {
    expect(press('n', { tagName: 'TEXTAREA' })).toBe(false);
    expect(press('n', { tagName: 'input' })).toBe(false);
    expect(press('n', { tagName: 'DIV', isContentEditable: true })).toBe(false);
    expect(press('n', { tagName: 'BODY' }, { ctrlKey: true })).toBe(false);
  });
});
