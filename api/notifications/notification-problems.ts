import { HttpProblem, notFound } from '../http/http-problem.ts';

/** Someone else's notification does not exist for you: the same answer as an id nobody has. */
export function noSuchNotification(id: unknown): HttpProblem {
  return notFound({ en: `You have no notification ${String(id)}.`, 'zh-CN': `您没有编号为 ${String(id)} 的通知。` });
}

export function eventStreamOnly(): HttpProblem {
  return new HttpProblem(
    406,
    'not-acceptable',
    { en: 'Not acceptable', 'zh-CN': '无法提供所需格式' },
    {
      en: 'This address answers only as a Server-Sent Events stream: ask with Accept: text/event-stream (a browser’s EventSource does).',
      'zh-CN': '此地址只以 Server-Sent Events 流的形式应答：请求时请带上 Accept: text/event-stream（浏览器的 EventSource 会自动带上）。',
    },
  );
}
