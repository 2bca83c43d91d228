import { factTypes } from '../../definitions/fact-catalogue.schema.ts';
import { localizedTextSchema } from '../../definitions/localized-text.schema.ts';
import { valueShapes } from '../../engine/conditions/fact-operators.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import { listedEntities } from './record-list-catalogue.ts';

export const listFieldsTag = {
  name: 'list-fields',
  title: { en: 'List fields', 'zh-CN': '列表字段' },
  description: {
    en: 'The facts each list lets you filter and sort by, as your role may use them: filter builders are built from these.',
    'zh-CN': '各列表可供您筛选和排序的字段及您的角色可如何使用它们：筛选器据此生成。',
  },
} as const satisfies ApiTag;

const listFieldSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', description: 'the fact, as `filter` and `sort` name it (`custom.<key>` for a custom field)' },
    type: { enum: factTypes },
    label: localizedTextSchema,
    unit: localizedTextSchema,
    options: {
      type: 'array',
      items: { type: 'object', properties: { value: { type: 'string' }, label: localizedTextSchema }, required: ['value', 'label'], additionalProperties: false },
      description: 'the values of a choice, in the catalogue’s order',
    },
    operators: { type: 'array', items: { type: 'string' }, description: 'the operators the list accepts on it from you' },
    valueShapes: {
      type: 'object',
      additionalProperties: { enum: valueShapes },
      description: 'for each of its operators, what `value` takes: none, a single value, a [low, high] pair or a list',
    },
    sortable: { type: 'boolean', description: 'whether `sort` may name it' },
    access: { enum: ['masked', 'read', 'write'], description: 'masked: only empty / not empty, no sort' },
  },
  required: ['name', 'type', 'label', 'operators', 'valueShapes', 'sortable', 'access'],
  additionalProperties: false,
} as const;

export const listListFieldsOperation = defineOperation({
  operationId: 'listListFields',
  method: 'get',
  path: '/lists/:entity/fields',
  summary: { en: 'The fields you may filter and sort a list by', 'zh-CN': '您可用于筛选和排序列表的字段' },
  description:
    'The published fact catalogue of the list (columns, custom fields, the machine’s states), in its order, without the ' +
    'facts your role may not see; a masked one offers only `isEmpty` / `isNotEmpty` and no sort (docs/lists.md).',
  tags: [listFieldsTag],
  auth: 'session',
  params: { type: 'object', properties: { entity: { enum: listedEntities } }, required: ['entity'] },
  responses: {
    200: {
      description: 'The fields.',
      body: { type: 'object', properties: { fields: { type: 'array', items: listFieldSchema } }, required: ['fields'], additionalProperties: false },
    },
  },
  problems: { 400: '`validation`: an unknown list (`/params/entity`).' },
});
