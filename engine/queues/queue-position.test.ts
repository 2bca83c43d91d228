import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import defaultQueuePolicy from '../../definitions/defaults/queue-policy.json' with { type: 'json' };
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { QueuePolicy } from '../../definitions/queue-policy.schema.ts';
import { decodeQueuePosition, encodeQueuePosition } from './queue-position.ts';
import { queueSortKeys } from './queue-sort-keys.ts';

const policy = defaultQueuePolicy as QueuePolicy;
const keysOf = (id: string) => {
  const section = policy.sections.find((candidate) => candidate.id === id)!;
  return queueSortKeys(policy, section, defaultFactCatalogues[section.entity as 'customer']);
};

describe('queue positions', () => {
  it('orders a section by the overdue rank, then its orderBy facts, each with its key kind', () => {
    expect(keysOf('ordersToFollowUp').map((key) => [key.fact?.name ?? 'overdue', key.kind, key.direction, key.nulls])).toEqual([
      ['overdue', 'rank', 'asc', 'last'],
      ['amount', 'numeric', 'desc', 'last'],
      ['nextFollowUpAt', 'instant', 'asc', 'last'],
    ]);
    expect(keysOf('potentialCallbacks')[1]).toMatchObject({ kind: 'text' }); // level, a custom field
  });

  it('reads back what it writes, keys left out included', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom('0', '1'), { nil: undefined }),
        fc.option(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10 ** 9 }).map(String)), { nil: undefined }),
        fc.option(fc.oneof(fc.constant(null), fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map(String)), { nil: undefined }),
        fc.bigInt({ min: 1n, max: 10n ** 17n }).map(String),
        (rank, amount, due, id) => {
          const position = { section: 'ordersToFollowUp', entity: 'order' as const, id, keys: [rank, amount, due] };
          expect(decodeQueuePosition(encodeQueuePosition(position), policy, keysOf, '/query/after')).toEqual({ position });
        },
      ),
    );
  });

  it('refuses what it never wrote, naming the path', () => {
    for (const text of ['', 'a:b', 'ordersToFollowUp:customer:1', 'ordersToFollowUp:order:01', 'ordersToFollowUp:order:1:!!', 'x:order:1:a:b']) {
      const decoded = decodeQueuePosition(text, policy, keysOf, '/query/after');
      expect(decoded, text).toEqual({ problems: [expect.objectContaining({ path: '/query/after', code: 'queue.badPosition' })] });
    }
  });
});
