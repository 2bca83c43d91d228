import type { FromSchema } from 'json-schema-to-ts';
import type { Locale, LocalizedText, Problem } from '../../engine/validation/problem.ts';
import { localizeProblem } from '../../engine/validation/problem.ts';

/** The RFC 9457 body every failed request gets; the OpenAPI document's `Problem`. */
export const problemDocumentSchema = {
  title: 'Problem',
  description: 'RFC 9457 problem details, in the language of Accept-Language (zh-CN or English).',
  type: 'object',
  properties: {
    type: { type: 'string', format: 'uri', description: 'https://stagecraft.dev/problems/<slug>; the slugs are in docs/api-errors.md' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'what happened and what to do, for a person' },
    instance: { type: 'string', description: 'the path and query of the request' },
    errors: {
      type: 'array',
      description: 'one entry per failing field: a JSON Pointer into the body, or /params/<name> or /query/<name>',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
        required: ['path', 'message'],
        additionalProperties: false,
      },
    },
  },
  required: ['type', 'title', 'status', 'detail'],
  additionalProperties: false,
} as const;

export type ProblemDocument = FromSchema<typeof problemDocumentSchema>;

export const problemTypeBase = 'https://stagecraft.dev/problems/';

/**
 * A failure that knows how to answer over HTTP. Thrown by handlers (or passed to `next`) and rendered by the one
 * error middleware in the language the request asked for.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: LocalizedText;
  readonly detailText: LocalizedText;
  readonly problems: readonly Problem[];

  constructor(status: number, slug: string, title: LocalizedText, detail: LocalizedText, problems: readonly Problem[] = []) {
    super(detail.en);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.detailText = detail;
    this.problems = problems;
  }

  toDocument(locale: Locale, instance?: string): ProblemDocument {
    return {
      type: `${problemTypeBase}${this.slug}`,
      title: this.title[locale],
      status: this.status,
      detail: this.detailText[locale],
      ...(instance === undefined ? {} : { instance }),
      ...(this.problems.length === 0 ? {} : { errors: this.problems.map((p) => localizeProblem(p, locale)) }),
    };
  }
}

export function validationFailed(problems: readonly Problem[]): HttpProblem {
  return new HttpProblem(
    400,
    'validation',
    { en: 'Invalid request', 'zh-CN': '请求无效' },
    {
      en: `${problems.length} problem(s) in the request; each names the field path and what to change.`,
      'zh-CN': `请求中有 ${problems.length} 处问题，每处都列出了字段路径和修改方法。`,
    },
    problems,
  );
}

export function notFound(what: LocalizedText): HttpProblem {
  return new HttpProblem(404, 'not-found', { en: 'Not found', 'zh-CN': '未找到' }, what);
}
