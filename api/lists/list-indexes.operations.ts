import { itemsBodySchema } from '../http/items-body.schema.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';

export const listIndexesTag = {
  name: 'list-indexes',
  title: { en: 'List indexes', 'zh-CN': '列表索引' },
  description: {
    en: 'Expression indexes the system created for custom fields that shared saved views filter on, so those lists stay fast as tables grow.',
    'zh-CN': '系统为共享视图经常筛选的自定义字段创建的表达式索引，使这些列表在数据增长后仍然快速。',
  },
} as const satisfies ApiTag;

const customFieldIndexSchema = {
  type: 'object',
  properties: {
    indexName: { type: 'string' },
    table: { type: 'string' },
    fieldKey: { type: 'string', description: 'the custom field’s key' },
    expression: { type: 'string', description: 'the indexed expression: the one the condition compiler writes for the field' },
    reason: { type: 'object', properties: { savedViewId: { type: 'integer' } }, required: ['savedViewId'], description: 'the shared view that asked for it first' },
    createdAt: { type: 'string', format: 'date-time' },
    valid: { type: 'boolean', description: 'false while it is being built, or when a build failed and left it unusable' },
  },
  required: ['indexName', 'table', 'fieldKey', 'expression', 'reason', 'createdAt', 'valid'],
  additionalProperties: false,
} as const;

export const listCustomFieldIndexesOperation = defineOperation({
  operationId: 'listCustomFieldIndexes',
  method: 'get',
  path: '/admin/list-indexes',
  summary: { en: 'Expression indexes made for shared views', 'zh-CN': '为共享视图创建的表达式索引' },
  description: 'Saving a view shared with roles indexes each custom field its filter compares (docs/lists.md); these are those indexes.',
  tags: [listIndexesTag],
  auth: { permissions: ['mayManageDefinitions'] },
  responses: {
    200: {
      description: 'Every such index, by table and field.',
      body: itemsBodySchema(customFieldIndexSchema),
    },
  },
});
