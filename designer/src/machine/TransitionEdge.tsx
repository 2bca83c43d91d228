import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';

export type TransitionEdgeType = Edge<{ pointer: string; offset: number }, 'transition'>;

/**
 * A transition's arrow: a curve that bows `offset` pixels to the left of the line from its source to its target (a
 * quadratic curve peaks halfway to its control point, hence twice the offset), with the label on the peak — so
 * transitions between the same two stages (edgeOffsets) never hide one another and each can be clicked.
 */
export function TransitionEdge({ id, sourceX, sourceY, targetX, targetY, data, label, markerEnd, style, interactionWidth }: EdgeProps<TransitionEdgeType>) {
  const offset = data?.offset ?? 0;
  const dx = targetX - sourceX;
  const dy = targetY - sourceY;
  const length = Math.hypot(dx, dy) || 1;
  const [normalX, normalY] = [dy / length, -dx / length];
  const middleX = (sourceX + targetX) / 2;
  const middleY = (sourceY + targetY) / 2;
  const path = `M ${sourceX},${sourceY} Q ${middleX + 2 * offset * normalX},${middleY + 2 * offset * normalY} ${targetX},${targetY}`;
  return (
    <BaseEdge
      id={id}
      path={path}
      label={label}
      labelX={middleX + offset * normalX}
      labelY={middleY + offset * normalY}
      labelBgPadding={[4, 2]}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={interactionWidth}
    />
  );
}
