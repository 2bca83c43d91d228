import { Graph, layout } from '@dagrejs/dagre';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import { transitionsOfMachine } from './machine-transitions.ts';

export interface Position {
  x: number;
  y: number;
}

/** The size a state's box is drawn at (styles.css `.state-node`), for the layout and before the canvas measures it. */
export const stateNodeSize = { width: 180, height: 64 };
const columnStep = 260;

/**
 * Where each state is drawn: where an admin put it (`meta.layout`), else where dagre's layered layout places it
 * (left to right along the transitions), so a definition without positions still reads as a flow.
 */
export function layoutMachine(machine: MachineDefinition): Record<string, Position> {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const key of Object.keys(machine.states)) graph.setNode(key, { ...stateNodeSize });
  for (const transition of transitionsOfMachine(machine)) {
    const target = transition.transition.target;
    if (target !== undefined && target !== transition.source && target in machine.states) graph.setEdge(transition.source, target);
  }
  layout(graph);
  const positions: Record<string, Position> = {};
  for (const [key, state] of Object.entries(machine.states)) {
    const placed = graph.node(key) as { x: number; y: number };
    // dagre gives centres; React Flow places nodes by their top-left corner.
    positions[key] = state.meta?.layout ?? {
      x: Math.round(placed.x - stateNodeSize.width / 2),
      y: Math.round(placed.y - stateNodeSize.height / 2),
    };
  }
  return positions;
}

/**
 * Where a new state goes: one column right of the rightmost, on the top row. Stored at once, because lists of
 * stages (the work line, navigation) order states by position and put unplaced ones last.
 */
export function nextFreePosition(machine: MachineDefinition): Position {
  const placed = Object.values(layoutMachine(machine));
  const right = placed.length === 0 ? -columnStep : Math.max(...placed.map((position) => position.x));
  return { x: right + columnStep, y: Math.min(0, ...placed.map((position) => position.y)) };
}
