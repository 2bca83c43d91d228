import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../observability/logger.ts';
import { HttpProblem, notFound } from './http-problem.ts';
import { requestLocale } from './request-locale.ts';

const problemContentType = 'application/problem+json; charset=utf-8';

/** Unmatched routes answer 404 problem+json, never Express's HTML page. */
export const unknownRoute: RequestHandler = (request, _response, next) => {
  next(
    notFound({
      en: `No route for ${request.method} ${request.path}. The API reference is at /api/docs.`,
      'zh-CN': `没有 ${request.method} ${request.path} 这个接口。接口文档见 /api/docs。`,
    }),
  );
};

/** The one place a failure becomes an HTTP answer: problem+json in the caller's language, no stack traces. */
export function problemMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const problem = toHttpProblem(error);
    if (problem.status >= 500) {
      logger.error('request failed', { method: request.method, path: request.path, error });
    }
    response
      .status(problem.status)
      .type(problemContentType)
      .send(JSON.stringify(problem.toDocument(requestLocale(request), request.originalUrl)));
  };
}

function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const bodyParserType = (error as { type?: unknown } | null)?.type;
  switch (bodyParserType) {
    case 'entity.parse.failed':
      return new HttpProblem(
        400,
        'malformed-json',
        { en: 'Malformed JSON', 'zh-CN': 'JSON 格式错误' },
        {
          en: 'The request body is not valid JSON. Check quotes, commas and brackets, and send Content-Type: application/json.',
          'zh-CN': '请求体不是合法的 JSON。请检查引号、逗号和括号，并使用 Content-Type: application/json。',
        },
      );
    case 'entity.too.large':
      return new HttpProblem(
        413,
        'body-too-large',
        { en: 'Request body too large', 'zh-CN': '请求体过大' },
        { en: 'The request body exceeds 1 MB. Split the data or use the import endpoint.', 'zh-CN': '请求体超过 1 MB。请拆分数据或使用导入功能。' },
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(
        415,
        'unsupported-encoding',
        { en: 'Unsupported encoding', 'zh-CN': '不支持的编码' },
        { en: 'Send the body as UTF-8 JSON.', 'zh-CN': '请以 UTF-8 编码的 JSON 发送请求体。' },
      );
    default:
      return new HttpProblem(
        500,
        'internal',
        { en: 'Internal error', 'zh-CN': '内部错误' },
        {
          en: 'Something went wrong on the server; nothing was changed. Try again, and tell your administrator if it persists.',
          'zh-CN': '服务器出错，未做任何更改。请重试；如果问题持续，请联系管理员。',
        },
      );
  }
}
