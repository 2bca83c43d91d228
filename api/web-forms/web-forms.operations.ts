import { defineOperation } from '../http/operation.ts';
import { leadsTag } from '../leads/leads.operations.ts';
import { createWebFormBodySchema, replaceWebFormBodySchema, webFormSnippetSchema, webFormViewSchema } from './web-form-bodies.schema.ts';

const idParams = { type: 'object', properties: { id: { type: 'string', description: 'the form’s id' } }, required: ['id'] } as const;
const notFound = '`not-found`: no form has this id.';
const admins = { permissions: ['mayManageDefinitions'] } as const;

export const createWebFormOperation = defineOperation({
  operationId: 'createWebForm',
  method: 'post',
  path: '/web-forms',
  summary: { en: 'Define a web form', 'zh-CN': '创建网页表单' },
  description:
    'Fields (lead fields or published lead custom fields, labels in zh-CN and en), target campaign, routing policy and allowed origins. ' +
    'The public hosted page is /forms/<key>; submissions go to POST /forms/<key>/submissions.',
  tags: [leadsTag],
  auth: admins,
  body: createWebFormBodySchema,
  responses: { 201: { description: 'Created.', body: webFormViewSchema, headers: { Location: { description: 'its address', schema: { type: 'string' } } } } },
  problems: { 409: '`web-form-key-taken`: another form has this key.' },
});

export const listWebFormsOperation = defineOperation({
  operationId: 'listWebForms',
  method: 'get',
  path: '/web-forms',
  summary: { en: 'Web forms', 'zh-CN': '网页表单列表' },
  tags: [leadsTag],
  auth: admins,
  responses: { 200: { description: 'Newest first.', body: { type: 'array', items: webFormViewSchema } } },
});

export const getWebFormOperation = defineOperation({
  operationId: 'getWebForm',
  method: 'get',
  path: '/web-forms/:id',
  summary: { en: 'A web form’s definition', 'zh-CN': '查看网页表单定义' },
  tags: [leadsTag],
  auth: admins,
  params: idParams,
  responses: { 200: { description: 'The form.', body: webFormViewSchema } },
  problems: { 404: notFound },
});

export const replaceWebFormOperation = defineOperation({
  operationId: 'replaceWebForm',
  method: 'put',
  path: '/web-forms/:id',
  summary: { en: 'Change a web form', 'zh-CN': '修改网页表单' },
  description: 'The whole form again; its key (and so its address) stays. `If-Match` or `version` optional; when given it must be current.',
  tags: [leadsTag],
  auth: admins,
  params: idParams,
  headers: { 'If-Match': { description: 'the version you changed, optional', schema: { type: 'string' } } },
  body: replaceWebFormBodySchema,
  responses: { 200: { description: 'Changed.', body: webFormViewSchema } },
  problems: { 404: notFound, 409: '`stale-version`: the form changed since that version.' },
});

export const webFormSnippetOperation = defineOperation({
  operationId: 'getWebFormSnippet',
  method: 'get',
  path: '/web-forms/:id/snippet',
  summary: { en: 'The HTML to embed a web form', 'zh-CN': '网页表单的嵌入代码' },
  description: 'An iframe of the hosted page, and a script tag for a page that keeps its own <form data-stagecraft-form> (its origin must be allowed).',
  tags: [leadsTag],
  auth: admins,
  params: idParams,
  query: { type: 'object', properties: { lang: { enum: ['zh-CN', 'en'], default: 'zh-CN' } }, additionalProperties: false },
  responses: { 200: { description: 'Copy and paste.', body: webFormSnippetSchema } },
  problems: { 404: notFound },
});
