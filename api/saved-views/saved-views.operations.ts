import { itemsBodySchema } from '../http/items-body.schema.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import {
  createSavedViewBodySchema,
  listSavedViewsQuerySchema,
  savedViewSchema,
  updateSavedViewBodySchema,
} from './saved-view-bodies.schema.ts';

export const savedViewsTag = {
  name: 'saved views',
  title: { en: 'Saved views', 'zh-CN': '保存的视图' },
  description: {
    en: 'Named list views — columns, filter and sort — kept for yourself or shared with roles.',
    'zh-CN': '命名的列表视图（列、筛选条件和排序），可仅自己使用或共享给角色。',
  },
} as const satisfies ApiTag;

const idParams = { type: 'object', properties: { id: { type: 'string', description: 'the view’s id' } }, required: ['id'] } as const;
const notVisible = '`not-found`: no such view, or not one you may see (yours, your role’s, or any for administrators).';
const notYours = '`forbidden`: a view shared with your role that you do not own (only its owner or an administrator changes it).';
const contentProblems = {
  400: '`validation` also for a filter or sort the catalogue does not accept (`/filter/…`, `/sort/<level>`), an unknown column or role.',
  403: '`forbidden`: a filter or sort on a field your role may not see, or a masked field filtered other than by empty / not empty.',
};

export const listSavedViewsOperation = defineOperation({
  operationId: 'listSavedViews',
  method: 'get',
  path: '/saved-views',
  summary: { en: 'Your saved views and your role’s', 'zh-CN': '我的视图和共享给我角色的视图' },
  description: 'Your own first, then those shared with your role, by name. Administrators see every view.',
  tags: [savedViewsTag],
  auth: 'session',
  query: listSavedViewsQuerySchema,
  responses: {
    200: {
      description: 'The views.',
      body: itemsBodySchema(savedViewSchema),
    },
  },
});

export const createSavedViewOperation = defineOperation({
  operationId: 'createSavedView',
  method: 'post',
  path: '/saved-views',
  summary: { en: 'Save a view', 'zh-CN': '保存视图' },
  description: 'Checked as a list request with the same filter and sort would be.',
  tags: [savedViewsTag],
  auth: 'session',
  body: createSavedViewBodySchema,
  responses: {
    201: { description: 'Saved.', body: savedViewSchema, headers: { Location: { description: 'its address', schema: { type: 'string' } } } },
  },
  problems: { ...contentProblems, 503: '`definitions-missing`: no customer machine is published yet.' },
});

export const getSavedViewOperation = defineOperation({
  operationId: 'getSavedView',
  method: 'get',
  path: '/saved-views/:id',
  summary: { en: 'One saved view', 'zh-CN': '查看视图' },
  tags: [savedViewsTag],
  auth: 'session',
  params: idParams,
  responses: { 200: { description: 'The view.', body: savedViewSchema } },
  problems: { 404: notVisible },
});

export const updateSavedViewOperation = defineOperation({
  operationId: 'updateSavedView',
  method: 'patch',
  path: '/saved-views/:id',
  summary: { en: 'Change a saved view', 'zh-CN': '修改视图' },
  description: 'The fields sent change. `If-Match: "<version>"` or `version` is optional; when given it must be current.',
  tags: [savedViewsTag],
  auth: 'session',
  params: idParams,
  headers: { 'If-Match': { description: 'the version you changed, optional', schema: { type: 'string' } } },
  body: updateSavedViewBodySchema,
  responses: { 200: { description: 'Changed.', body: savedViewSchema } },
  problems: { ...contentProblems, 403: `${contentProblems[403]} ${notYours}`, 404: notVisible, 409: '`stale-version`: changed since you loaded it.' },
});

export const deleteSavedViewOperation = defineOperation({
  operationId: 'deleteSavedView',
  method: 'delete',
  path: '/saved-views/:id',
  summary: { en: 'Delete a saved view', 'zh-CN': '删除视图' },
  tags: [savedViewsTag],
  auth: 'session',
  params: idParams,
  responses: { 204: { description: 'Deleted.' } },
  problems: { 403: notYours, 404: notVisible },
});
