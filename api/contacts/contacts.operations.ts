import { customersTag, ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { defineOperation } from '../http/operation.ts';
import { createContactBodySchema, updateContactBodySchema } from './contact-bodies.schema.ts';
import { contactViewSchema } from './contact-view.schema.ts';

const customerParams = {
  type: 'object',
  properties: { id: { type: 'string', description: 'the customer’s id' } },
  required: ['id'],
} as const;

const contactParams = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'the customer’s id' },
    contactId: { type: 'string', description: 'the contact’s id' },
  },
  required: ['id', 'contactId'],
} as const;

const notVisible = '`not-found`: no such customer (or contact of it) that you may see.';
const mayNotEdit = '`forbidden`: a pool customer and your role may not edit shared customers, or a field your role may not write.';

export const listContactsOperation = defineOperation({
  operationId: 'listContacts',
  method: 'get',
  path: '/customers/:id/contacts',
  summary: { en: 'The customer’s contacts', 'zh-CN': '客户的联系人' },
  tags: [customersTag],
  auth: 'session',
  params: customerParams,
  responses: { 200: { description: 'Primary contact first.', body: { type: 'array', items: contactViewSchema } } },
  problems: { 404: notVisible },
});

export const createContactOperation = defineOperation({
  operationId: 'createContact',
  method: 'post',
  path: '/customers/:id/contacts',
  summary: { en: 'Add a contact', 'zh-CN': '新增联系人' },
  tags: [customersTag],
  auth: 'session',
  params: customerParams,
  body: createContactBodySchema,
  responses: {
    201: {
      description: 'Added.',
      body: contactViewSchema,
      headers: { Location: { description: 'the new contact’s address', schema: { type: 'string' } }, ETag: versionHeader },
    },
  },
  problems: { 403: mayNotEdit, 404: notVisible, 409: '`duplicate`: another contact of this customer has this phone number.' },
});

export const updateContactOperation = defineOperation({
  operationId: 'updateContact',
  method: 'patch',
  path: '/customers/:id/contacts/:contactId',
  summary: { en: 'Change a contact', 'zh-CN': '修改联系人' },
  tags: [customersTag],
  auth: 'session',
  params: contactParams,
  headers: { 'If-Match': ifMatchHeader },
  body: updateContactBodySchema,
  responses: { 200: { description: 'Changed.', body: contactViewSchema, headers: { ETag: versionHeader } } },
  problems: {
    403: mayNotEdit,
    404: notVisible,
    409: '`stale-version`: changed since you loaded it. `duplicate`: another contact of this customer has this phone number.',
    428: '`version-required`: neither If-Match nor `version` says which version you changed.',
  },
});

export const deleteContactOperation = defineOperation({
  operationId: 'deleteContact',
  method: 'delete',
  path: '/customers/:id/contacts/:contactId',
  summary: { en: 'Remove a contact', 'zh-CN': '删除联系人' },
  description: 'Soft: it leaves the list and stays in the database and the audit trail.',
  tags: [customersTag],
  auth: 'session',
  params: contactParams,
  headers: { 'If-Match': { ...ifMatchHeader, required: false } },
  responses: { 204: { description: 'Removed.' } },
  problems: { 403: mayNotEdit, 404: notVisible, 409: '`stale-version`: If-Match names an older version.' },
});
