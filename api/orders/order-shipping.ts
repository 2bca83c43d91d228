import type { MachineSnapshot } from '../../engine/machines/index.ts';

// The generic order machine's states after the goods have left. Its states carry no tag that says so, so the names
// are listed here (as the ticket adapter lists its working states); a template with its own order machine adds its own.
const shippedStates = new Set(['shipped', 'paymentOverdue', 'completed']);

/** Whether an order in this state has shipped. */
export function hasShipped(state: string): boolean {
  return shippedStates.has(state);
}

/** Whether an order's lines may still change: not shipped (ever), and its machine not finished (cancelled). */
export function linesMayChange(order: { shippedAt?: Date | null; machineSnapshot: MachineSnapshot }): boolean {
  return order.shippedAt == null && order.machineSnapshot.status !== 'done';
}
