import { notFound, type HttpProblem } from '../http/http-problem.ts';

export function noSuchOrder(id: unknown): HttpProblem {
  return notFound({
    en: `There is no order ${String(id)} that you may see.`,
    'zh-CN': `没有您可查看的编号为 ${String(id)} 的订单。`,
  });
}
