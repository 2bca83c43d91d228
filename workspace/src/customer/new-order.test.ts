import { describe, expect, it } from 'vitest';
import { newOrderBody, orderTotal } from './new-order.ts';

describe('the new-order form', () => {
  it('sends the filled lines with numbers as numbers, and leaves empty options out', () => {
    expect(
      newOrderBody({
        lines: [
          { product: ' 打印机 ', quantity: '2', unitPrice: '1999.5' },
          { product: '', quantity: '1', unitPrice: '' },
          { product: '硒鼓', quantity: 'two', unitPrice: '80' },
        ],
        dueOn: '',
        opportunityId: '7',
        note: '  ',
      }),
    ).toEqual({
      lines: [
        { product: '打印机', quantity: 2, unitPrice: 1999.5 },
        { product: '硒鼓', quantity: 'two', unitPrice: 80 },
      ],
      opportunityId: 7,
    });
  });

  it('adds the lines up to the cent, skipping lines that are not numbers yet', () => {
    expect(orderTotal([{ product: 'a', quantity: '3', unitPrice: '0.1' }, { product: 'b', quantity: '1', unitPrice: '0.2' }])).toBe(0.5);
    expect(orderTotal([{ product: 'a', quantity: '', unitPrice: '5' }, { product: 'b', quantity: 'x', unitPrice: '5' }])).toBe(0);
  });
});
