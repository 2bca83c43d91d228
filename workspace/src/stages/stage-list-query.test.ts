import { describe, expect, it } from 'vitest';
import { builderPathIn, dueCondition, rowAfterKey, stageListSearch } from './stage-list-query.ts';

// Wednesday 4 Nov 2026, 10:00 in Shanghai (UTC+8).
const now = new Date('2026-11-04T02:00:00Z');
const zone = 'Asia/Shanghai';

describe('stage list request', () => {
  it('asks for the stage with the search, ownership and sort the bar holds', () => {
    const search = stageListSearch(
      'potential',
      { q: ' 华 ', ownership: 'personal', due: undefined },
      { sort: [{ fact: 'nextFollowUpAt', direction: 'desc' }, { fact: 'name', direction: 'asc' }] },
      { now, timeZone: zone },
    );
    expect(Object.fromEntries(search)).toEqual({ stage: 'potential', limit: '50', q: '华', ownership: 'personal', sort: '-nextFollowUpAt,name' });
  });

  it('leaves out what is not chosen and pages on with the cursor', () => {
    const search = stageListSearch('target', { q: '  ', ownership: 'any', due: undefined }, { sort: [] }, { now, timeZone: zone, cursor: 'abc' });
    expect(Object.fromEntries(search)).toEqual({ stage: 'target', limit: '50', cursor: 'abc' });
  });

  it('turns a work-line cell into the day boundaries of the person’s zone', () => {
    expect(dueCondition('today', now, zone)).toEqual({
      all: [
        { fact: 'nextFollowUpAt', operator: 'greaterThanInclusive', value: '2026-11-03T16:00:00.000Z' },
        { fact: 'nextFollowUpAt', operator: 'lessThan', value: '2026-11-04T16:00:00.000Z' },
      ],
    });
    expect(dueCondition('overdue', now, zone)).toEqual({ all: [{ fact: 'nextFollowUpAt', operator: 'lessThan', value: '2026-11-03T16:00:00.000Z' }] });
    // This week after tomorrow: Friday 6 Nov up to Monday 9 Nov.
    expect(dueCondition('thisWeek', now, zone).all.map((leaf) => leaf.value)).toEqual(['2026-11-05T16:00:00.000Z', '2026-11-08T16:00:00.000Z']);
    expect(dueCondition('contactedToday', now, zone).all[0]!.fact).toBe('lastContactAt');
    // Another zone, another day: in New York it is still 3 Nov.
    expect(dueCondition('today', now, 'America/New_York').all[0]!.value).toBe('2026-11-03T05:00:00.000Z');
  });
});

describe('filters and keyboard', () => {
  it('ANDs the builder’s filter after the due bucket’s, and says where the builder’s rows sit', () => {
    const builder = { all: [{ fact: 'custom.industry', operator: 'equal', value: 'it' }] };
    const both = stageListSearch('target', { q: '', ownership: 'any', due: 'overdue' }, { condition: builder, sort: [] }, { now, timeZone: zone });
    expect(JSON.parse(both.get('filter')!)).toEqual({ all: [dueCondition('overdue', now, zone), builder] });
    expect(builderPathIn({ due: 'overdue' }, builder)).toBe('/all/1');
    const alone = stageListSearch('target', { q: '', ownership: 'any', due: undefined }, { condition: builder, sort: [] }, { now, timeZone: zone });
    expect(JSON.parse(alone.get('filter')!)).toEqual(builder);
    expect(builderPathIn({ due: undefined }, builder)).toBe('');
  });

  it('moves within the rows and stops at either end', () => {
    expect(rowAfterKey('ArrowDown', 0, 3)).toBe(1);
    expect(rowAfterKey('ArrowDown', 2, 3)).toBe(2);
    expect(rowAfterKey('ArrowUp', 0, 3)).toBe(0);
    expect(rowAfterKey('End', 0, 3)).toBe(2);
    expect(rowAfterKey('PageDown', 0, 3)).toBe(2);
    expect(rowAfterKey('Enter', 0, 3)).toBeUndefined();
    expect(rowAfterKey('ArrowDown', 0, 0)).toBeUndefined();
  });
});
