import { entitySchema } from '../../definitions/entity.schema.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';

export const fieldsTag = {
  name: 'fields',
  title: { en: 'Custom fields', 'zh-CN': '自定义字段' },
  description: {
    en: 'The published custom fields of each kind of record, as your role may use them: forms and column pickers are built from these.',
    'zh-CN': '各类记录已发布的自定义字段及您的角色可如何使用它们：表单和列选择据此生成。',
  },
} as const satisfies ApiTag;

const callerFieldSchema = {
  type: 'object',
  description:
    'A field definition (definitions/field-definitions.schema.ts: key, type, label, options, limits …) without its per-role ' +
    'permissions, and `access`: what your role may do with it — `write`, `read` or `masked` (hidden fields are left out).',
  properties: {
    key: { type: 'string' },
    type: { type: 'string' },
    access: { enum: ['masked', 'read', 'write'] },
  },
  required: ['key', 'type', 'label', 'access'],
} as const;

export const listCallerFieldsOperation = defineOperation({
  operationId: 'listCallerFields',
  method: 'get',
  path: '/fields/:entity',
  summary: { en: 'The custom fields you may see', 'zh-CN': '您可查看的自定义字段' },
  description:
    'The latest published field definitions of `entity`, in their order, each with the access your role has (the stricter ' +
    'of the role’s field permissions and the field’s own). Records keep values of fields since removed; they are not listed.',
  tags: [fieldsTag],
  auth: 'session',
  params: { type: 'object', properties: { entity: entitySchema }, required: ['entity'] },
  responses: {
    200: {
      description: 'The fields.',
      body: { type: 'object', properties: { fields: { type: 'array', items: callerFieldSchema } }, required: ['fields'], additionalProperties: false },
    },
  },
  problems: { 400: '`validation`: an unknown entity (`/params/entity`).' },
});
