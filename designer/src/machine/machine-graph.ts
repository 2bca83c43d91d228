import { MarkerType } from '@xyflow/react';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';
import { layoutMachine, stateNodeSize } from '../model/layout-machine.ts';
import { transitionsOfMachine, triggerName } from '../model/machine-transitions.ts';
import { isUnder, problemsUnder } from '../problems/problem-locations.ts';
import { edgeOffsets } from './edge-offsets.ts';
import type { StateNodeType } from './StateNode.tsx';
import type { TransitionEdgeType } from './TransitionEdge.tsx';

export interface DiffMarks {
  states: Record<string, 'added' | 'changed' | 'removed'>;
  transitions: Record<string, 'added' | 'changed' | 'removed'>;
}

const missingPrefix = 'missing:';

/** The id of the ghost node a dangling transition points at, drawn so the admin sees the edge to fix. */
const missingNodeId = (state: string) => `${missingPrefix}${state}`;

/**
 * The machine as React Flow draws it: a node per state where it was put or laid out, an edge per transition with a
 * target (id = the transition's JSON Pointer, so problems and selections find it), bowed apart from the others between
 * the same two stages, marked with problems and diffs.
 */
export function machineGraph(
  machine: MachineDefinition,
  problems: readonly ProblemEntry[],
  locale: Locale,
  marks: DiffMarks | undefined,
): { nodes: StateNodeType[]; edges: TransitionEdgeType[] } {
  const positions = layoutMachine(machine);
  const transitions = transitionsOfMachine(machine);
  const nodes: StateNodeType[] = Object.entries(machine.states).map(([key, state]) => ({
    id: key,
    type: 'state',
    position: positions[key]!,
    // React Flow hides a node until it has a size; the drawn size stands in until it measures the real one.
    initialWidth: stateNodeSize.width,
    initialHeight: stateNodeSize.height,
    data: {
      label: state.label?.[locale] ?? key,
      stateKey: key,
      color: state.color,
      initial: machine.initial === key,
      final: state.type === 'final',
      missing: false,
      problemCount: problemsUnder(problems, `/states/${key}`).length,
      diffMark: marks?.states[key],
      internalEvents: transitions.filter((t) => t.source === key && t.transition.target === undefined).map((t) => triggerName(t.trigger)),
    },
  }));
  const missing = [...new Set(transitions.map((t) => t.transition.target).filter((target): target is string => target !== undefined && !(target in machine.states)))];
  missing.forEach((state, index) => {
    nodes.push({
      id: missingNodeId(state),
      type: 'state',
      position: { x: -260, y: index * 100 },
      initialWidth: stateNodeSize.width,
      initialHeight: stateNodeSize.height,
      draggable: false,
      data: { label: `? ${state}`, stateKey: state, color: '#dc2626', initial: false, final: false, missing: true, problemCount: 0, diffMark: undefined, internalEvents: [] },
    });
  });
  const drawn = transitions
    .filter((t) => t.transition.target !== undefined)
    .map((t) => ({ located: t, id: t.pointer, source: t.source, target: t.transition.target! in machine.states ? t.transition.target! : missingNodeId(t.transition.target!) }));
  const offsets = edgeOffsets(drawn);
  const edges: TransitionEdgeType[] = drawn.map(({ located: t, id, source, target }) => {
    const event = t.trigger.kind === 'on' ? machine.events[t.trigger.event] : undefined;
    const hasProblems = problemsUnder(problems, t.pointer).length > 0;
    const mark = Object.entries(marks?.transitions ?? {}).find(([path]) => isUnder(path, t.pointer) || isUnder(t.pointer, path))?.[1];
    const label = event?.label?.[locale] ?? triggerName(t.trigger);
    return {
      id,
      type: 'transition',
      source,
      target,
      label,
      ariaLabel: `${label}: ${t.source} → ${t.transition.target}`,
      markerEnd: { type: MarkerType.ArrowClosed },
      className: [hasProblems && 'has-problems', mark && `diff-${mark}`, t.trigger.kind !== 'on' && 'automatic'].filter(Boolean).join(' '),
      data: { pointer: t.pointer, offset: offsets.get(id) ?? 0 },
    };
  });
  return { nodes, edges };
}

export const isMissingNode = (id: string) => id.startsWith(missingPrefix);
