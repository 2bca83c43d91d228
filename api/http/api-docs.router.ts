import { Router } from 'express';
import { locales, type Locale } from '../../engine/validation/problem.ts';
import { renderApiReferencePage } from './api-reference-page.ts';
import { openApiDocument } from './openapi-document.ts';
import { defineOperation, type ApiTag, type Operation } from './operation.ts';
import { requestLocale } from './request-locale.ts';
import { declaredOperations, route } from './route-operation.ts';

export const referenceTag = {
  name: 'reference',
  title: { en: 'API reference', 'zh-CN': '接口文档' },
  description: {
    en: 'This API described for machines (OpenAPI 3.1) and for people (an HTML page).',
    'zh-CN': '本接口的机器可读描述（OpenAPI 3.1）和供人阅读的页面（HTML）。',
  },
} as const satisfies ApiTag;

export const getOpenApiDocumentOperation = defineOperation({
  operationId: 'getOpenApiDocument',
  method: 'get',
  path: '/openapi.json',
  summary: { en: 'Get the OpenAPI 3.1 document of this API', 'zh-CN': '获取本接口的 OpenAPI 3.1 文档' },
  tags: [referenceTag],
  auth: 'public',
  responses: {
    200: { description: 'This document.', body: { type: 'object', description: 'An OpenAPI 3.1 document.' } },
  },
});

export const getApiReferencePageOperation = defineOperation({
  operationId: 'getApiReferencePage',
  method: 'get',
  path: '/docs',
  summary: { en: 'Read the API reference page', 'zh-CN': '阅读接口文档页面' },
  tags: [referenceTag],
  auth: 'public',
  query: {
    type: 'object',
    properties: {
      lang: { enum: locales, description: 'the page language; without it, the language of Accept-Language' },
    },
    additionalProperties: false,
  },
  responses: { 200: { description: 'A self-contained HTML page: no scripts, nothing loaded from elsewhere.', mediaType: 'text/html' } },
});

// The page's own style sheet is inline; nothing else may load, run or frame it.
const pageSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * GET /api/openapi.json and GET /api/docs, describing `operations` (every other router's, from `declaredOperations`)
 * and these two. Built once, at start, so a declaration the document cannot describe stops the server there.
 */
export function apiDocsRouter(operations: readonly Operation[]): Router {
  const router = Router();
  route(router, getOpenApiDocumentOperation, (_input, _request, response) => {
    response.json(document);
  });
  route(router, getApiReferencePageOperation, ({ query }, request, response) => {
    const locale: Locale = query.lang ?? requestLocale(request);
    response.set({ 'Content-Security-Policy': pageSecurityPolicy, 'Content-Language': locale }).type('html').send(pages[locale]);
  });
  const document = openApiDocument([...operations, ...declaredOperations(router)]);
  const pages = Object.fromEntries(locales.map((locale) => [locale, renderApiReferencePage(document, locale)])) as Record<Locale, string>;
  return router;
}
