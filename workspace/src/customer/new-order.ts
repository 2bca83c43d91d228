import type { NewOrderBody } from '../api/customers.ts';

/** One line of the new-order form as typed. */
export interface OrderLineInput {
  product: string;
  quantity: string;
  unitPrice: string;
}

export interface NewOrderValues {
  lines: OrderLineInput[];
  dueOn: string;
  opportunityId: string;
  note: string;
}

export const emptyLine: OrderLineInput = { product: '', quantity: '1', unitPrice: '' };

/** A number as typed, or the text itself when it is none, so the API's problem names the cell. */
const numberOrText = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text.trim());

/** POST /api/customers/:id/orders from the form: blank lines dropped, numbers as numbers, empty options left out. */
export function newOrderBody(values: NewOrderValues): NewOrderBody {
  const body: NewOrderBody = {
    lines: values.lines
      .filter((line) => `${line.product}${line.unitPrice}`.trim() !== '')
      .map((line) => ({ product: line.product.trim(), quantity: numberOrText(line.quantity), unitPrice: numberOrText(line.unitPrice) })),
  };
  if (values.dueOn !== '') body.dueOn = values.dueOn;
  if (values.opportunityId !== '') body.opportunityId = Number(values.opportunityId);
  if (values.note.trim() !== '') body.note = values.note.trim();
  return body;
}

/**
 * The order's amount as the lines add up so far, in cents to keep decimals exact; lines not yet numbers count as
 * nothing. The server computes the stored amount the same way from the lines.
 */
export function orderTotal(lines: readonly OrderLineInput[]): number {
  const cents = lines.reduce((sum, line) => {
    const quantity = Number(line.quantity);
    const price = Number(line.unitPrice);
    if (line.quantity.trim() === '' || line.unitPrice.trim() === '' || !Number.isFinite(quantity) || !Number.isFinite(price)) return sum;
    return sum + Math.round(quantity * price * 100);
  }, 0);
  return cents / 100;
}
