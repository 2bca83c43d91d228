import { itemsBodySchema } from '../http/items-body.schema.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import {
  callScriptSchema,
  createCallScriptBodySchema,
  listCallScriptsQuerySchema,
  updateCallScriptBodySchema,
} from './call-script-bodies.schema.ts';

export const callScriptsTag = {
  name: 'call scripts',
  title: { en: 'Call scripts', 'zh-CN': '话术' },
  description: {
    en: 'What to say on a call: reference scripts everyone reads (kept by managers and administrators) and your personal ones, each for some customer stages or any.',
    'zh-CN': '通话时的说法：所有人可读的参考话术（由经理和管理员维护）和您自己的个人话术，可指定适用的客户阶段或适用全部阶段。',
  },
} as const satisfies ApiTag;

const idParams = { type: 'object', properties: { id: { type: 'string', description: 'the script’s id' } }, required: ['id'] } as const;
const notVisible = '`not-found`: no such script, or someone else’s personal one.';
const notKept = '`forbidden`: a reference script, and your role does not keep them (managers and administrators do).';
const badStage = '`validation` also for a stage the published customer machine does not have (`/stages/<index>`).';

export const listCallScriptsOperation = defineOperation({
  operationId: 'listCallScripts',
  method: 'get',
  path: '/call-scripts',
  summary: { en: 'Call scripts you may read', 'zh-CN': '可查看的话术' },
  description: 'Your personal scripts first, then the reference ones, each by title (at most 200). With `stage`, those for that stage and those for any stage.',
  tags: [callScriptsTag],
  auth: 'session',
  query: listCallScriptsQuerySchema,
  responses: {
    200: {
      description: 'The scripts.',
      body: itemsBodySchema(callScriptSchema),
    },
  },
});

export const createCallScriptOperation = defineOperation({
  operationId: 'createCallScript',
  method: 'post',
  path: '/call-scripts',
  summary: { en: 'Write a call script', 'zh-CN': '新建话术' },
  description: 'A personal script is yours alone; a reference script (managers and administrators) is everyone’s.',
  tags: [callScriptsTag],
  auth: 'session',
  body: createCallScriptBodySchema,
  responses: {
    201: { description: 'Written.', body: callScriptSchema, headers: { Location: { description: 'its address', schema: { type: 'string' } } } },
  },
  problems: { 400: badStage, 403: notKept, 503: '`definitions-missing`: stages named while no customer machine is published.' },
});

export const getCallScriptOperation = defineOperation({
  operationId: 'getCallScript',
  method: 'get',
  path: '/call-scripts/:id',
  summary: { en: 'One call script', 'zh-CN': '查看话术' },
  tags: [callScriptsTag],
  auth: 'session',
  params: idParams,
  responses: { 200: { description: 'The script.', body: callScriptSchema } },
  problems: { 404: notVisible },
});

export const updateCallScriptOperation = defineOperation({
  operationId: 'updateCallScript',
  method: 'patch',
  path: '/call-scripts/:id',
  summary: { en: 'Change a call script', 'zh-CN': '修改话术' },
  description: 'The fields sent change. `If-Match: "<version>"` or `version` is optional; when given it must be current.',
  tags: [callScriptsTag],
  auth: 'session',
  params: idParams,
  headers: { 'If-Match': { description: 'the version you changed, optional', schema: { type: 'string' } } },
  body: updateCallScriptBodySchema,
  responses: { 200: { description: 'Changed.', body: callScriptSchema } },
  problems: { 400: badStage, 403: notKept, 404: notVisible, 409: '`stale-version`: changed since you loaded it.' },
});

export const deleteCallScriptOperation = defineOperation({
  operationId: 'deleteCallScript',
  method: 'delete',
  path: '/call-scripts/:id',
  summary: { en: 'Delete a call script', 'zh-CN': '删除话术' },
  tags: [callScriptsTag],
  auth: 'session',
  params: idParams,
  responses: { 204: { description: 'Deleted.' } },
  problems: { 403: notKept, 404: notVisible },
});
