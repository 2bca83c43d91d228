import { customersTag, ifMatchHeader, versionHeader } from '../customers/customers.operations.ts';
import { pageSchemaOf } from '../customers/customer-view.schema.ts';
import { defineOperation } from '../http/operation.ts';
import { listDescription, listPageBody, listProblems } from '../lists/list-operation-parts.ts';
import {
  createContactRecordBodySchema,
  listContactRecordsQuerySchema,
  listVisibleContactRecordsQuerySchema,
  updateContactRecordBodySchema,
} from './contact-record-bodies.schema.ts';
import { contactRecordViewSchema } from './contact-record-view.schema.ts';

const customerParams = {
  type: 'object',
  properties: { id: { type: 'string', description: 'the customer’s id' } },
  required: ['id'],
} as const;

const notVisible = '`not-found`: no such customer that you may see.';

export const listContactRecordsOperation = defineOperation({
  operationId: 'listContactRecords',
  method: 'get',
  path: '/customers/:id/contact-records',
  summary: { en: 'The customer’s contact records', 'zh-CN': '客户的联系记录' },
  description: 'Newest contact first, whoever logged it.',
  tags: [customersTag],
  auth: 'session',
  params: customerParams,
  query: listContactRecordsQuerySchema,
  responses: { 200: { description: 'A page of contact records.', body: pageSchemaOf('Contact record page', contactRecordViewSchema) } },
  problems: { 404: notVisible },
});

export const listVisibleContactRecordsOperation = defineOperation({
  operationId: 'listVisibleContactRecords',
  method: 'get',
  path: '/contact-records',
  summary: { en: 'Contact records you may see', 'zh-CN': '可见的联系记录' },
  description:
    `Those of every customer you may see, whoever logged them. ${listDescription('contact record')} ` +
    'No role field permissions apply to contact records: every field may be filtered and sorted by.',
  tags: [customersTag],
  auth: 'session',
  query: listVisibleContactRecordsQuerySchema,
  responses: { 200: { description: 'A page of contact records.', body: listPageBody('Contact record list page', contactRecordViewSchema, 'contact records') } },
  problems: { 400: listProblems[400] },
});

export const createContactRecordOperation = defineOperation({
  operationId: 'createContactRecord',
  method: 'post',
  path: '/customers/:id/contact-records',
  summary: { en: 'Log a contact', 'zh-CN': '添加联系记录' },
  description:
    'A call, visit, email, SMS or WeChat exchange; also with a pool customer. The customer’s last contact time, call ' +
    'count and next follow-up date move with it.',
  tags: [customersTag],
  auth: 'session',
  params: customerParams,
  body: createContactRecordBodySchema,
  responses: {
    201: {
      description: 'Logged.',
      body: contactRecordViewSchema,
      headers: { Location: { description: 'the contact record’s address', schema: { type: 'string' } }, ETag: versionHeader },
    },
  },
  problems: {
    400: '`validation` also for a time in the future, a follow-up before the contact, a past reminder, or a contact of another customer.',
    404: notVisible,
  },
});

export const updateContactRecordOperation = defineOperation({
  operationId: 'updateContactRecord',
  method: 'patch',
  path: '/customers/:id/contact-records/:recordId',
  summary: { en: 'Correct a contact record', 'zh-CN': '修改联系记录' },
  description: 'By its author, within 24 hours of logging it; after that it is history.',
  tags: [customersTag],
  auth: 'session',
  params: {
    type: 'object',
    properties: { id: { type: 'string', description: 'the customer’s id' }, recordId: { type: 'string', description: 'the contact record’s id' } },
    required: ['id', 'recordId'],
  },
  headers: { 'If-Match': ifMatchHeader },
  body: updateContactRecordBodySchema,
  responses: { 200: { description: 'Corrected.', body: contactRecordViewSchema, headers: { ETag: versionHeader } } },
  problems: {
    403: '`forbidden`: not its author, or logged more than 24 hours ago.',
    404: '`not-found`: no such customer or contact record that you may see.',
    409: '`stale-version`: changed since you loaded it.',
    428: '`version-required`: neither If-Match nor `version` says which version you changed.',
  },
});
