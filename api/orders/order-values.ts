import { problem, type Problem } from '../../engine/validation/problem.ts';
import type { OrderLineInput } from './order-bodies.schema.ts';

/** Money is summed in whole cents, so 0.1 + 0.2 is never 0.30000000000000004. */
export const cents = (value: number) => Math.round(value * 100);

/** `SO000042`: the order's number from the order counter. */
export const orderNumberOf = (value: number) => `SO${String(value).padStart(6, '0')}`;

export interface OrderLineValues {
  position: number;
  product: string;
  quantity: number;
  unitPrice: number;
  amountCents: number;
}

// numeric(14, 2): the largest amount a line or an order can hold.
const maxAmountCents = 99_999_999_999_999;

/** The lines as stored (trimmed, numbered from 1, each quantity × unit price rounded to cents) and their sum. */
export function orderLineValues(lines: readonly OrderLineInput[]): { lines: OrderLineValues[]; amountCents: number } {
  const values = lines.map((line, index) => ({
    position: index + 1,
    product: line.product.trim(),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    amountCents: cents(line.quantity * line.unitPrice),
  }));
  return { lines: values, amountCents: values.reduce((sum, line) => sum + line.amountCents, 0) };
}

/** Lines whose amounts (or whose sum) the amount columns cannot hold, at `/lines/<i>` (or `/lines`). */
export function orderAmountProblems(values: { lines: readonly OrderLineValues[]; amountCents: number }): Problem[] {
  const tooLarge = (path: string) =>
    problem(path, 'order.amountTooLarge', 'The amount is larger than an order can hold (999,999,999,999.99).', '金额超出订单可记录的上限（999,999,999,999.99）。');
  const lines = values.lines.filter((line) => line.amountCents > maxAmountCents).map((line) => tooLarge(`/lines/${line.position - 1}`));
  if (lines.length > 0) return lines;
  return values.amountCents > maxAmountCents ? [tooLarge('/lines')] : [];
}

export const paymentStates = ['unpaid', 'partlyPaid', 'paid'] as const;
export type PaymentState = (typeof paymentStates)[number];

/** Paid in full once the payments reach the amount; an order of nothing has nothing to pay and stays unpaid. */
export function isPaidInFull(amount: number, paidAmount: number): boolean {
  return cents(amount) > 0 && cents(paidAmount) >= cents(amount);
}

export function paymentStateOf(amount: number, paidAmount: number): PaymentState {
  if (isPaidInFull(amount, paidAmount)) return 'paid';
  return cents(paidAmount) > 0 ? 'partlyPaid' : 'unpaid';
}
