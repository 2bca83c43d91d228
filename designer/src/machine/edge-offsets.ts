/** The ends of an edge on the canvas: enough to find the others drawn between the same two stages. */
export interface EdgeEnds {
  id: string;
  source: string;
  target: string;
}

/** How far apart (in canvas pixels) the arcs of edges between the same two stages bow. */
export const parallelEdgeSpacing = 36;

/**
 * How far each edge bows sideways from the straight line between its ends, so that several transitions between the
 * same two stages — in one direction or both — each get their own arc and label. The edges of a pair of stages are
 * spread evenly around zero in one shared frame (from the stage whose key sorts first to the other); an edge that runs
 * the other way bows by the negated amount, since "its left" is the frame's right. A lone edge stays straight (0).
 */
export function edgeOffsets(edges: readonly EdgeEnds[]): Map<string, number> {
  const byPair = new Map<string, EdgeEnds[]>();
  for (const edge of edges) {
    const pair = [edge.source, edge.target].sort().join('\u0000');
    byPair.set(pair, [...(byPair.get(pair) ?? []), edge]);
  }
  const offsets = new Map<string, number>();
  for (const group of byPair.values()) {
    group.forEach((edge, index) => {
      const shared = (index - (group.length - 1) / 2) * parallelEdgeSpacing;
      const forward = edge.source <= edge.target;
      offsets.set(edge.id, (forward ? shared : -shared) + 0); // + 0 turns −0 into 0
    });
  }
  return offsets;
}
