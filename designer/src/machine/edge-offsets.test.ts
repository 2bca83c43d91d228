import { describe, expect, it } from 'vitest';
import { edgeOffsets, parallelEdgeSpacing as s } from './edge-offsets.ts';

describe('edgeOffsets', () => {
  it('leaves a lone edge straight', () => {
    expect(edgeOffsets([{ id: 'a', source: 'target', target: 'potential' }])).toEqual(new Map([['a', 0]]));
  });

  it('spreads edges of one direction evenly around the straight line', () => {
    const offsets = edgeOffsets([
      { id: 'one', source: 'a', target: 'b' },
      { id: 'two', source: 'a', target: 'b' },
      { id: 'three', source: 'a', target: 'b' },
      { id: 'elsewhere', source: 'b', target: 'c' },
    ]);
    expect(offsets).toEqual(new Map([['one', -s], ['two', 0], ['three', s], ['elsewhere', 0]]));
  });

  it('bows opposite edges to opposite sides of the screen: equal offsets in their own directions', () => {
    const offsets = edgeOffsets([
      { id: 'up', source: 'a', target: 'b' },
      { id: 'down', source: 'b', target: 'a' },
    ]);
    // In the shared a→b frame they sit at −s/2 and +s/2; "down" runs b→a, so its own offset is negated.
    expect(offsets.get('up')).toBe(-s / 2);
    expect(offsets.get('down')).toBe(-s / 2);
  });

  it('gives every edge between the same two stages a distinct place whatever the directions', () => {
    const edges = [
      { id: '1', source: 'b', target: 'a' },
      { id: '2', source: 'a', target: 'b' },
      { id: '3', source: 'b', target: 'a' },
      { id: '4', source: 'a', target: 'b' },
    ];
    const offsets = edgeOffsets(edges);
    const onScreen = edges.map((edge) => (edge.source <= edge.target ? offsets.get(edge.id)! : -offsets.get(edge.id)!));
    expect(new Set(onScreen).size).toBe(4);
  });
});
