import { describe, expect, it } from 'vitest';
import { buildWorkLineGrid } from './work-line-grid.ts';

describe('the work line grid', () => {
  const grid = buildWorkLineGrid([
    { key: 'potential', counts: { today: 3, overdue: 1 } },
    { key: 'won', counts: { today: 2, contactedToday: 5 } },
  ]);

  it('has one row per stage and the columns today, tomorrow, this week, contacted today, overdue', () => {
    expect(grid.rows.map((row) => row.stage.key)).toEqual(['potential', 'won']);
    expect(grid.buckets).toEqual(['today', 'tomorrow', 'thisWeek', 'contactedToday', 'overdue']);
  });

  it('counts a missing number as 0 and tints only cells with something to do', () => {
    expect(grid.rows[0]!.cells).toEqual([
      { bucket: 'today', count: 3, tinted: true },
      { bucket: 'tomorrow', count: 0, tinted: false },
      { bucket: 'thisWeek', count: 0, tinted: false },
      { bucket: 'contactedToday', count: 0, tinted: false },
      { bucket: 'overdue', count: 1, tinted: true },
    ]);
  });

  it('sums each column in the totals row', () => {
    expect(grid.totals.map((cell) => cell.count)).toEqual([5, 0, 0, 5, 1]);
  });

  it('is all zeros, untinted, for stages without counts', () => {
    const empty = buildWorkLineGrid([{ key: 'reserve', counts: {} }]);
    expect(empty.rows[0]!.cells.every((cell) => cell.count === 0 && !cell.tinted)).toBe(true);
  });
});
