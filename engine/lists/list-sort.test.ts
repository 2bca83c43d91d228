import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { decodeListCursor, encodeListCursor } from './list-cursor.ts';
import { parseSort, sortText } from './list-sort.ts';

const catalogue = defaultFactCatalogues.customer;

describe('list sort', () => {
  it('reads the short form with a leading minus for descending, and the JSON form alike', () => {
    const short = parseSort('stage,-nextFollowUpAt, name', catalogue, '/query/sort');
    const json = parseSort('[{"fact":"stage"},{"fact":"nextFollowUpAt","direction":"desc"},{"fact":"name","direction":"asc"}]', catalogue, '/query/sort');
    expect(short).toEqual({
      levels: [{ fact: 'stage', direction: 'asc' }, { fact: 'nextFollowUpAt', direction: 'desc' }, { fact: 'name', direction: 'asc' }],
      problems: [],
    });
    expect(json).toEqual(short);
    expect(sortText(short.levels)).toBe('stage,-nextFollowUpAt,name');
  });

  it('names unknown, unsortable and repeated facts by level, and more than four levels at the sort', () => {
    const codes = (raw: string) => parseSort(raw, catalogue, '/s').problems.map((p) => `${p.path} ${p.code}`);
    expect(codes('name,shoeSize,hasOpenOpportunity,-name')).toEqual(['/s/1 sort.unknownFact', '/s/2 sort.notSortable', '/s/3 sort.repeated']);
    expect(codes('name,stage,callCount,totalDealAmount,createdAt')).toEqual(['/s sort.tooManyLevels']);
    expect(codes('[{"fact": 3}]')).toEqual(['/s/0 sort.shape']);
    expect(codes('[')).toEqual(['/s sort.malformed']);
  });
});

describe('list cursor', () => {
  it('decodes what it encoded, for the same sort only', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string(), { nil: null }), { maxLength: 4 }), fc.integer({ min: 1 }), (values, id) => {
        const cursor = encodeListCursor('stage,-name', { values, id });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeListCursor(cursor, 'stage,-name', values.length)).toEqual({ values, id });
        expect(decodeListCursor(cursor, 'stage,name', values.length)).toBeUndefined();
      }),
    );
    expect(decodeListCursor('not a cursor', '', 0)).toBeUndefined();
  });
});
