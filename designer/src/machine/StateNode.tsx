import type { CSSProperties } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';

export interface StateNodeData extends Record<string, unknown> {
  label: string;
  stateKey: string;
  color: string | undefined;
  initial: boolean;
  final: boolean;
  missing: boolean;
  problemCount: number;
  /** How a version diff marks it: added, changed or removed. */
  diffMark: 'added' | 'changed' | 'removed' | undefined;
  /** Transitions that stay in the state (no target): listed inside the node rather than drawn as loops. */
  internalEvents: string[];
}

export type StateNodeType = Node<StateNodeData, 'state'>;

/** A stage on the canvas: its label and key, colour stripe, problem count, and handles to draw transitions from. */
export function StateNode({ data, selected }: NodeProps<StateNodeType>) {
  const classes = ['state-node', selected && 'selected', data.problemCount > 0 && 'has-problems', data.missing && 'missing', data.diffMark && `diff-${data.diffMark}`];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-state={data.stateKey} style={{ '--state-color': data.color ?? '#64748b' } as CSSProperties}>
      <Handle type="target" position={Position.Left} />
      <div className="state-label">
        {data.initial && <span aria-hidden="true">▶ </span>}
        {data.label}
        {data.final && <span aria-hidden="true"> ◉</span>}
      </div>
      <div className="state-key">{data.stateKey}</div>
      {data.internalEvents.length > 0 && <div className="state-internal" title={data.internalEvents.join(' · ')}>{data.internalEvents.join(' · ')}</div>}
      {data.problemCount > 0 && <span className="problem-count">{data.problemCount}</span>}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
