import type { LocalizedText } from '../../engine/validation/problem.ts';
import { problem } from '../../engine/validation/problem.ts';
import { HttpProblem, notFound, validationFailed } from '../http/http-problem.ts';

export function noSuchOrder(id: unknown): HttpProblem {
  return notFound({
    en: `There is no order ${String(id)} that you may see.`,
    'zh-CN': `没有您可查看的编号为 ${String(id)} 的订单。`,
  });
}

const yuan = (value: number) => value.toFixed(2);

/** A payment larger than what is still open on the order. */
export function overpayment(open: number): HttpProblem {
  return validationFailed([
    problem(
      '/amount',
      'payment.overpayment',
      `More than the order still owes: at most ${yuan(open)} is open.`,
      `超过订单未付金额：最多还可收 ${yuan(open)}。`,
    ),
  ]);
}

/** New lines that sum to less than has been paid already. */
export function linesBelowPaid(amount: number, paid: number): HttpProblem {
  return validationFailed([
    problem(
      '/lines',
      'order.belowPaid',
      `The lines sum to ${yuan(amount)}, less than the ${yuan(paid)} already paid.`,
      `明细合计 ${yuan(amount)}，少于已收款 ${yuan(paid)}。`,
    ),
  ]);
}

/** The order's machine has finished (completed, cancelled): nothing more is paid or changed on it. */
export function orderClosed(state: LocalizedText): HttpProblem {
  return new HttpProblem(
    409,
    'order-closed',
    { en: 'Order closed', 'zh-CN': '订单已结束' },
    {
      en: `The order is “${state.en}”: no more payments or changes.`,
      'zh-CN': `订单已处于“${state['zh-CN']}”状态，不能再收款或修改。`,
    },
  );
}

/** The goods have left: the lines are what was shipped. */
export function orderLinesFixed(): HttpProblem {
  return new HttpProblem(
    409,
    'order-shipped',
    { en: 'Order shipped', 'zh-CN': '订单已发货' },
    {
      en: 'The order has shipped (or ended), so its lines can no longer change; its address, dates and note still can.',
      'zh-CN': '订单已发货（或已结束），明细不能再修改；地址、日期和备注仍可修改。',
    },
    [problem('/lines', 'order.shipped', 'Fixed once the order has shipped.', '订单发货后不可修改。')],
  );
}
