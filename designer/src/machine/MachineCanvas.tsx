import { applyNodeChanges, Background, Controls, ReactFlow, type Connection, type EdgeChange, type NodeChange, type ReactFlowInstance } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { isMissingNode, machineGraph, type DiffMarks } from './machine-graph.ts';
import { StateNode, type StateNodeType } from './StateNode.tsx';
import { TransitionEdge, type TransitionEdgeType } from './TransitionEdge.tsx';

export type Selection = { kind: 'state'; key: string } | { kind: 'transition'; pointer: string } | undefined;

const nodeTypes = { state: StateNode };
const edgeTypes = { transition: TransitionEdge };

interface MachineCanvasProps {
  machine: MachineDefinition;
  problems: readonly ProblemEntry[];
  marks: DiffMarks | undefined;
  selection: Selection;
  onSelect(selection: Selection): void;
  onMove(state: string, position: { x: number; y: number }): void;
  onConnect(source: string, target: string): void;
  onDeleteSelection(): void;
}

/**
 * The machine drawn with React Flow. The definition is the one truth: nodes and edges are derived from it on every
 * change; only a drag in progress lives here until it ends and becomes a move edit.
 */
export function MachineCanvas(props: MachineCanvasProps) {
  const { locale, t } = useI18n();
  const graph = useMemo(() => machineGraph(props.machine, props.problems, locale, props.marks), [props.machine, props.problems, locale, props.marks]);
  const [nodes, setNodes] = useState<StateNodeType[]>(graph.nodes);
  // New node objects keep the sizes React Flow measured: without them it hides a node until its size changes, and a
  // node whose only change is a class (a diff mark) never changes size, so it stayed hidden.
  useEffect(
    () =>
      setNodes((current) => {
        const measured = new Map(current.map((node) => [node.id, node.measured]));
        return graph.nodes.map((node) => (measured.get(node.id) === undefined ? node : { ...node, measured: measured.get(node.id) }));
      }),
    [graph],
  );
  // A state added (or a dangling target shown) may land outside the view: show the whole machine again.
  const [flow, setFlow] = useState<ReactFlowInstance<StateNodeType, TransitionEdgeType>>();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void flow?.fitView({ padding: 0.15 }));
    return () => cancelAnimationFrame(frame);
  }, [flow, graph.nodes.map((node) => node.id).join()]);

  const selectedNodes = nodes.map((node) => ({ ...node, selected: props.selection?.kind === 'state' && props.selection.key === node.id }));
  const edges: TransitionEdgeType[] = graph.edges.map((edge) => ({ ...edge, selected: props.selection?.kind === 'transition' && props.selection.pointer === edge.id }));

  return (
    <div className="machine-canvas" aria-label={t('canvas.label')}>
      <ReactFlow<StateNodeType, TransitionEdgeType>
        nodes={selectedNodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        onInit={setFlow}
        minZoom={0.2}
        deleteKeyCode={null}
        onNodesChange={(changes: NodeChange<StateNodeType>[]) => {
          setNodes((current) => applyNodeChanges(changes.filter((change) => change.type === 'position' || change.type === 'dimensions'), current));
          // A node chosen from the keyboard (Tab to it, Enter) arrives as a selection change, not a click.
          const chosen = changes.find((change) => change.type === 'select' && change.selected);
          if (chosen?.type === 'select' && !isMissingNode(chosen.id)) props.onSelect({ kind: 'state', key: chosen.id });
        }}
        onEdgesChange={(changes: EdgeChange<TransitionEdgeType>[]) => {
          const chosen = changes.find((change) => change.type === 'select' && change.selected);
          if (chosen?.type === 'select') props.onSelect({ kind: 'transition', pointer: chosen.id });
        }}
        onNodeDragStop={(_event, node) => !isMissingNode(node.id) && props.onMove(node.id, node.position)}
        onNodeClick={(_event, node) => !isMissingNode(node.id) && props.onSelect({ kind: 'state', key: node.id })}
        onEdgeClick={(_event, edge) => props.onSelect({ kind: 'transition', pointer: edge.id })}
        onPaneClick={() => props.onSelect(undefined)}
        onConnect={(connection: Connection) => {
          if (connection.source && connection.target && !isMissingNode(connection.target)) props.onConnect(connection.source, connection.target);
        }}
        onKeyDown={(event) => {
          if ((event.key === 'Delete' || event.key === 'Backspace') && props.selection !== undefined) props.onDeleteSelection();
        }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
