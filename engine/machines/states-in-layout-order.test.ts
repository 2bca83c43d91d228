import { describe, expect, it } from 'vitest';
import type { MachineState } from '../../definitions/machine.schema.ts';
import { statesInLayoutOrder } from './states-in-layout-order.ts';

const at = (x: number, y: number): MachineState => ({ label: { en: 'x', 'zh-CN': 'x' }, meta: { layout: { x, y } } });
const unplaced: MachineState = { label: { en: 'x', 'zh-CN': 'x' } };

describe('states in layout order', () => {
  it('goes left to right, then top to bottom, unplaced states last by key', () => {
    const states = { won: at(400, 0), zeta: unplaced, lost: at(400, 100), alpha: unplaced, potential: at(0, 50), reserve: at(-100, 0) };
    expect(statesInLayoutOrder({ states }).map(([key]) => key)).toEqual(['reserve', 'potential', 'won', 'lost', 'alpha', 'zeta']);
  });

  it('orders by key when nothing is placed', () => {
    expect(statesInLayoutOrder({ states: { b: unplaced, a: unplaced } }).map(([key]) => key)).toEqual(['a', 'b']);
  });
});
