import { auditEntryViewSchema } from '../audit/audit-entry-view.schema.ts';
import { defineOperation, type ApiTag, type HeaderDeclaration } from '../http/operation.ts';
import {
  createCustomerBodySchema,
  listCustomersQuerySchema,
  pageQuerySchema,
  updateCustomerBodySchema,
} from './customer-bodies.schema.ts';
import { customerViewSchema, pageSchemaOf } from './customer-view.schema.ts';

export const customersTag = {
  name: 'customers',
  title: { en: 'Customers', 'zh-CN': '客户' },
  description: {
    en: 'Customers in their stages, owned personally, collaboratively or in the shared pool; deleting is soft (the recycle bin) and every change is in the audit trail.',
    'zh-CN': '处于各阶段的客户：个人、协同或公海客户；删除只放入回收站，每次修改都记入审计日志。',
  },
} as const satisfies ApiTag;

const customerIdParams = {
  type: 'object',
  properties: {
    // Text, not integer: an id that is not a whole number names no customer and answers 404 like any unknown one.
    id: { type: 'string', description: 'the customer’s id' },
  },
  required: ['id'],
} as const;

export const versionHeader = {
  description: 'the record’s version, quoted: "3"',
  schema: { type: 'string' },
} as const satisfies HeaderDeclaration;

export const ifMatchHeader = {
  description: 'the version you changed, as its ETag gave it: "3"',
  schema: { type: 'string' },
} as const satisfies HeaderDeclaration;

const notVisible = '`not-found`: no such customer, or not one your role may see (the answer does not tell which).';
const notSetUp = '`definitions-missing`: no customer machine is published yet (install a template).';
const customerPage = pageSchemaOf('Customer page', customerViewSchema);
const customerListPage = {
  ...pageSchemaOf('Customer list page', customerViewSchema),
  properties: {
    ...customerPage.properties,
    total: { type: 'integer', minimum: 0, description: 'how many customers the filters select in all, on every page' },
  },
  required: ['items', 'nextCursor', 'total'],
} as const;

export const listCustomersOperation = defineOperation({
  operationId: 'listCustomers',
  method: 'get',
  path: '/customers',
  summary: { en: 'List the customers you may see', 'zh-CN': '列出可查看的客户' },
  description:
    'Newest first unless `sort` says otherwise, one keyset page at a time, with the total the filters select. Admins ' +
    'see every customer; managers their team’s and the pool; reps their own, their collaborative ones and the pool. ' +
    '`filter` is a condition in the rules language over the customer facts and custom fields (docs/lists.md). Fields ' +
    'your role hides are absent, masked ones masked; you may not filter or sort by a hidden field, and filter a masked ' +
    'one only by isEmpty / isNotEmpty.',
  tags: [customersTag],
  auth: 'session',
  query: listCustomersQuerySchema,
  responses: { 200: { description: 'A page of customers.', body: customerListPage } },
  problems: {
    400: '`validation` also for a filter or sort the fact catalogue does not accept (named at `/query/filter/…` or `/query/sort/<level>`) and a cursor of another sort (`/query/cursor`).',
    403: '`forbidden`: a filter or sort on a field your role may not see, or a masked field filtered other than by empty / not empty (each named).',
    503: notSetUp,
  },
});

export const createCustomerOperation = defineOperation({
  operationId: 'createCustomer',
  method: 'post',
  path: '/customers',
  summary: { en: 'Create a customer', 'zh-CN': '新建客户' },
  description:
    'Yours (personal) or in the pool, in the machine’s first stage or one your role may edit (an import). Custom ' +
    'fields are checked against the published field definitions; the first customer entered with a name, phone ' +
    'or keyword keeps it.',
  tags: [customersTag],
  auth: 'session',
  body: createCustomerBodySchema,
  responses: {
    201: {
      description: 'Created.',
      body: customerViewSchema,
      headers: { Location: { description: 'the new customer’s address', schema: { type: 'string' } }, ETag: versionHeader },
    },
  },
  problems: {
    400: '`validation` also for a phone number that is none, an unknown stage, and custom fields that do not fit their definitions.',
    403: '`forbidden`: a field your role may not write (each named), or a stage where your role may not edit.',
    409: '`duplicate`: a live customer has this name, phone or keyword; it is named (`existing`) only if you may see it.',
    503: notSetUp,
  },
});

export const getCustomerOperation = defineOperation({
  operationId: 'getCustomer',
  method: 'get',
  path: '/customers/:id',
  summary: { en: 'Get one customer', 'zh-CN': '查看客户' },
  tags: [customersTag],
  auth: 'session',
  params: customerIdParams,
  responses: { 200: { description: 'The customer.', body: customerViewSchema, headers: { ETag: versionHeader } } },
  problems: { 404: notVisible },
});

export const updateCustomerOperation = defineOperation({
  operationId: 'updateCustomer',
  method: 'patch',
  path: '/customers/:id',
  summary: { en: 'Change a customer', 'zh-CN': '修改客户' },
  description:
    'Say which version you changed with If-Match or `version`. Only the fields sent change; the stage’s permission ' +
    'table decides whether your role may edit, and its `editableFields` which fields.',
  tags: [customersTag],
  auth: 'session',
  params: customerIdParams,
  headers: { 'If-Match': ifMatchHeader },
  body: updateCustomerBodySchema,
  responses: { 200: { description: 'Changed.', body: customerViewSchema, headers: { ETag: versionHeader } } },
  problems: {
    400: '`validation` also for a phone number that is none and custom fields that do not fit their definitions.',
    403: '`forbidden`: a field your role may not write, a pool customer without `mayEditShared`, or a stage that does not let you edit it (each named).',
    404: notVisible,
    409: '`stale-version`: changed since you loaded it. `duplicate`: another customer has the new name, phone or keyword.',
    428: '`version-required`: neither If-Match nor `version` says which version you changed.',
  },
});

export const deleteCustomerOperation = defineOperation({
  operationId: 'deleteCustomer',
  method: 'delete',
  path: '/customers/:id',
  summary: { en: 'Move a customer to the recycle bin', 'zh-CN': '删除客户（放入回收站）' },
  description: 'Nothing is erased: contacts, contact records and owners stay with it, and it can be restored.',
  tags: [customersTag],
  auth: 'session',
  params: customerIdParams,
  headers: { 'If-Match': { ...ifMatchHeader, required: false } },
  responses: { 204: { description: 'In the recycle bin.' } },
  problems: {
    403: '`forbidden`: your role may not delete customers in its stage.',
    404: notVisible,
    409: '`stale-version`: If-Match names an older version.',
  },
});

export const restoreCustomerOperation = defineOperation({
  operationId: 'restoreCustomer',
  method: 'post',
  path: '/customers/:id/restore',
  summary: { en: 'Restore a customer from the recycle bin', 'zh-CN': '从回收站恢复客户' },
  tags: [customersTag],
  auth: 'session',
  params: customerIdParams,
  responses: { 200: { description: 'Restored, as it was.', body: customerViewSchema, headers: { ETag: versionHeader } } },
  problems: {
    403: '`forbidden`: your role may not delete (so not restore) customers in its stage.',
    404: '`not-found`: no such customer in the recycle bin that you may see.',
    409: '`duplicate`: a live customer has taken its name, phone or a keyword meanwhile.',
  },
});


export const listCustomerAuditOperation = defineOperation({
  operationId: 'listCustomerAudit',
  method: 'get',
  path: '/customers/:id/audit',
  summary: { en: 'The customer’s audit trail', 'zh-CN': '客户的审计日志' },
  description: 'Its own changes and its contacts’ and contact records’, newest first, each with before, after and why.',
  tags: [customersTag],
  auth: 'session',
  params: customerIdParams,
  query: pageQuerySchema,
  responses: { 200: { description: 'A page of entries.', body: pageSchemaOf('Audit entry page', auditEntryViewSchema) } },
  problems: { 404: notVisible },
});

export const listRecycleBinOperation = defineOperation({
  operationId: 'listRecycleBinCustomers',
  method: 'get',
  path: '/recycle-bin/customers',
  summary: { en: 'Customers in the recycle bin', 'zh-CN': '回收站中的客户' },
  description: 'Deleted customers you could see, newest first.',
  tags: [customersTag],
  auth: 'session',
  query: pageQuerySchema,
  responses: { 200: { description: 'A page of deleted customers.', body: customerPage } },
});

export const purgeCustomerOperation = defineOperation({
  operationId: 'purgeCustomer',
  method: 'delete',
  path: '/recycle-bin/customers/:id',
  summary: { en: 'Erase a customer for good', 'zh-CN': '彻底删除客户' },
  description: 'With its contacts and contact records. The audit trail and the ownership history keep it.',
  tags: [customersTag],
  auth: { permissions: ['mayPurge'] },
  params: customerIdParams,
  responses: { 204: { description: 'Erased.' } },
  problems: { 404: '`not-found`: no such customer in the recycle bin (delete it first).' },
});

export const customerEditRightsOperation = defineOperation({
  operationId: 'getCustomerEditRights',
  method: 'get',
  path: '/customers/:id/editable-fields',
  summary: { en: 'What you may change of a customer now', 'zh-CN': '当前可修改的客户字段' },
  description:
    'The column and custom-field keys PATCH would accept from you now: your role’s field permissions, the stage’s permission ' +
    'table and its `editableFields`, and for a pool customer `mayEditShared`. With none, `refusal` says why ' +
    '(`sharedCustomer`, `stageForbids`). Forms offer exactly these.',
  tags: [customersTag],
  auth: 'session',
  params: customerIdParams,
  responses: {
    200: {
      description: 'The fields.',
      body: {
        type: 'object',
        properties: {
          fields: { type: 'array', items: { type: 'string' } },
          refusal: { enum: ['sharedCustomer', 'stageForbids'] },
          mayCreate: {
            type: 'array',
            items: { enum: ['contact', 'opportunity', 'order', 'ticket'] },
            description: 'the records you may open under it now (its create endpoints would accept)',
          },
        },
        required: ['fields', 'mayCreate'],
        additionalProperties: false,
      },
    },
  },
  problems: { 404: notVisible },
});

export const checkCustomerDuplicatesOperation = defineOperation({
  operationId: 'checkCustomerDuplicates',
  method: 'get',
  path: '/customers/duplicates',
  summary: { en: 'Would a new customer be a duplicate?', 'zh-CN': '新客户是否重复' },
  description:
    'The live customers sharing the name, phone or any keyword (comma separated) given — what creating one would refuse, ' +
    'first entered wins — for a form to say while someone types. A customer you may not see is reported without its id ' +
    'or name. A phone that is not a number yet is not looked for.',
  tags: [customersTag],
  auth: 'session',
  query: {
    type: 'object',
    properties: {
      name: { type: 'string', maxLength: 200 },
      phone: { type: 'string', maxLength: 40 },
      keywords: { type: 'string', maxLength: 500, description: 'comma separated' },
    },
    additionalProperties: false,
  },
  responses: {
    200: {
      description: 'The matches, oldest first (at most five).',
      body: {
        type: 'object',
        properties: {
          matches: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'boolean' },
                phone: { type: 'boolean' },
                keywords: { type: 'array', items: { type: 'string' } },
                customer: {
                  anyOf: [
                    { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } }, required: ['id'], additionalProperties: false },
                    { type: 'null' },
                  ],
                },
              },
              required: ['name', 'phone', 'keywords', 'customer'],
              additionalProperties: false,
            },
          },
        },
        required: ['matches'],
        additionalProperties: false,
      },
    },
  },
  problems: { 400: '`validation`: a parameter too long or unknown (named at `/query/…`).' },
});
