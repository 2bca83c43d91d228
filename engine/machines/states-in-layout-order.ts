import type { MachineDefinition, MachineState } from '../../definitions/machine.schema.ts';

/**
 * A machine's states left to right as the designer lays them out (jsonb keeps no key order, so a stored document
 * cannot give the order it was written in), ties top to bottom, states without a position last by key. Lists of
 * stages — the work line, navigation, status filters — show them in this order.
 */
export function statesInLayoutOrder(machine: Pick<MachineDefinition, 'states'>): Array<[string, MachineState]> {
  const place = (state: MachineState) => state.meta?.layout;
  return Object.entries(machine.states).sort(([keyA, a], [keyB, b]) => {
    const [placeA, placeB] = [place(a), place(b)];
    if (placeA === undefined || placeB === undefined) return placeA === placeB ? keyA.localeCompare(keyB) : placeA === undefined ? 1 : -1;
    return placeA.x - placeB.x || placeA.y - placeB.y || keyA.localeCompare(keyB);
  });
}
