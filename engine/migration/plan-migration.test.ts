import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migratedState, planMigration, stateMapProblems } from './plan-migration.ts';

const newStates = new Set(['reserve', 'target', 'nurture', 'won']);

describe('migration planning', () => {
  it('moves a record of a removed stage to the mapped stage and keeps the others where they are', () => {
    const plan = planMigration(
      [
        { id: 1, state: 'potential' },
        { id: 2, state: 'target' },
        { id: 3, state: 'reserve' },
      ],
      { potential: 'nurture' },
      newStates,
    );
    expect(plan).toEqual({
      moves: [
        { id: 1, from: 'potential', to: 'nurture' },
        { id: 2, from: 'target', to: 'target' },
        { id: 3, from: 'reserve', to: 'reserve' },
      ],
      unmapped: [],
    });
  });

  it('lets the map merge a stage that still exists into another', () => {
    expect(migratedState('target', { target: 'reserve' }, newStates)).toBe('reserve');
  });

  it('leaves records of a removed, unmapped stage unplanned', () => {
    expect(planMigration([{ id: 7, state: 'lost' }], {}, newStates)).toEqual({ moves: [], unmapped: [{ id: 7, state: 'lost' }] });
  });

  it('asks for a mapping of every occupied stage that disappears, and for targets that exist', () => {
    expect(stateMapProblems(['potential', 'target', 'lost', 'potential'], { lost: 'gone' }, newStates)).toEqual([
      expect.objectContaining({ path: '/stateMap/potential', code: 'migration.stateUnmapped' }),
      expect.objectContaining({ path: '/stateMap/lost', code: 'migration.unknownTarget' }),
    ]);
    expect(stateMapProblems(['potential'], { potential: 'nurture' }, newStates)).toEqual([]);
  });

  it('escapes stage names in the problem paths', () => {
    expect(stateMapProblems(['a/b'], {}, newStates)[0]?.path).toBe('/stateMap/a~1b');
  });
});

describe('migration planning, for any records and any complete map', () => {
  const stateName = fc.constantFrom<string>('reserve', 'target', 'potential', 'opportunity', 'won', 'lost', 'nurture');
  const scenario = fc
    .record({
      oldStates: fc.uniqueArray(stateName, { minLength: 1 }),
      newStates: fc.uniqueArray(stateName, { minLength: 1 }),
      merges: fc.dictionary(stateName, fc.nat()),
      records: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
    })
    .map(({ oldStates, newStates: kept, merges, records }) => {
      const next = new Set(kept);
      // Every disappearing stage is mapped (as publishing requires), some existing ones are merged too.
      const stateMap: Record<string, string> = {};
      for (const state of oldStates) {
        if (!next.has(state)) stateMap[state] = kept[(merges[state] ?? state.length) % kept.length]!;
      }
      return {
        next,
        stateMap,
        records: records.map(([id, index]) => ({ id: id + 1, state: oldStates[index % oldStates.length]! })),
      };
    });

  it('maps every record of a removed stage to its mapped stage and leaves the others’ stage alone', () => {
    fc.assert(
      fc.property(scenario, ({ next, stateMap, records }) => {
        expect(stateMapProblems(records.map((r) => r.state), stateMap, next)).toEqual([]);
        const { moves, unmapped } = planMigration(records, stateMap, next);
        expect(unmapped).toEqual([]);
        expect(moves.map((m) => m.id)).toEqual(records.map((r) => r.id));
        moves.forEach((move, index) => {
          const record = records[index]!;
          expect(move.from).toBe(record.state);
          expect(next.has(move.to)).toBe(true);
          if (!next.has(record.state)) expect(move.to).toBe(stateMap[record.state]);
          else if (!Object.hasOwn(stateMap, record.state)) expect(move.to).toBe(record.state);
        });
      }),
      { numRuns: 300 },
    );
  });
});
