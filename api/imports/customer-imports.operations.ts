import { itemsBodySchema } from '../http/items-body.schema.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import {
  createImportMappingBodySchema,
  customerImportSchema,
  importChoicesBodySchema,
  importIssuesQuerySchema,
  importMappingSchema,
} from './customer-import-bodies.schema.ts';

export const customerImportsTag = {
  name: 'imports',
  title: { en: 'Customer imports', 'zh-CN': '客户导入' },
  description: {
    en: 'Spreadsheet (.xlsx, .csv) imports of customers: upload, column mapping and templates, dry run, the import as a background job with progress, cancel and the error report.',
    'zh-CN': '从表格（.xlsx、.csv）导入客户：上传、列映射与模板、试运行、后台导入及进度、取消和错误报告。',
  },
} as const satisfies ApiTag;

const auth = { permissions: ['mayImport'] } as const;
const idParams = { type: 'object', properties: { id: { type: 'string', description: 'the import’s id' } }, required: ['id'] } as const;
const notVisible = '`not-found`: no such import, or not yours (administrators see every import).';
const choiceProblems = {
  400: '`validation`: a mapped header the file does not have (`/mapping/<i>/header`), an unknown or repeated target (`/mapping/<i>/target`), no column for the name (`/mapping`), an unknown stage (`/stage`), a user owner without `userId` or one you may not give customers to (`/owner/userId`).',
  403: '`forbidden`: a mapped field your role may not write (`/mapping/<i>/target`), a stage where your role may not edit (`/stage`), or an owner other than yourself or the pool without `mayReassign`.',
  404: notVisible,
  409: '`import-state`: the file was already imported, or a run is queued or running.',
  503: '`definitions-missing`: no customer machine is published yet.',
};

export const uploadCustomerImportOperation = defineOperation({
  operationId: 'uploadCustomerImport',
  method: 'post',
  path: '/imports',
  summary: { en: 'Upload a spreadsheet to import', 'zh-CN': '上传待导入的表格' },
  description:
    'The request body is the file itself (not JSON, not multipart): Content-Type `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` or `text/csv` (or any type, with `fileName` ending .xlsx/.csv). CSV may be UTF-8 (with or without BOM) or GB18030/GBK. The first non-blank row is the header row. Nothing is imported yet: the answer has the headers, sample rows and a suggested mapping.',
  tags: [customerImportsTag],
  auth,
  query: {
    type: 'object',
    properties: { fileName: { type: 'string', minLength: 1, maxLength: 255, description: 'the file’s name, shown in the list' } },
    required: ['fileName'],
    additionalProperties: false,
  },
  responses: { 201: { description: 'Received.', body: customerImportSchema, headers: { Location: { description: 'its address', schema: { type: 'string' } } } } },
  problems: {
    400: '`validation` at `/file`: the file cannot be read as the format it claims, or has no rows.',
    413: '`file-too-large`: the file is over 50 MB.',
    415: '`unsupported-file-type`: neither .xlsx nor .csv.',
    503: '`definitions-missing`: no customer machine is published yet.',
  },
});

export const listCustomerImportsOperation = defineOperation({
  operationId: 'listCustomerImports',
  method: 'get',
  path: '/imports',
  summary: { en: 'Your imports', 'zh-CN': '我的导入任务' },
  description: 'The latest 50, newest first (administrators: everyone’s).',
  tags: [customerImportsTag],
  auth,
  responses: {
    200: {
      description: 'The imports.',
      body: itemsBodySchema(customerImportSchema),
    },
  },
});

export const getCustomerImportOperation = defineOperation({
  operationId: 'getCustomerImport',
  method: 'get',
  path: '/imports/:id',
  summary: { en: 'An import with its progress', 'zh-CN': '导入任务及进度' },
  description: 'Rows done of the total, and the counts created / updated / skipped / rejected so far (predicted ones for a dry run).',
  tags: [customerImportsTag],
  auth,
  params: idParams,
  responses: { 200: { description: 'The import.', body: customerImportSchema } },
  problems: { 404: notVisible },
});

export const dryRunCustomerImportOperation = defineOperation({
  operationId: 'dryRunCustomerImport',
  method: 'post',
  path: '/imports/:id/dry-run',
  summary: { en: 'Dry-run an import', 'zh-CN': '试运行导入' },
  description: 'Queues a run that checks every row and the duplicates exactly as the import would, writing no customer: the counts and the error report say what the import would do.',
  tags: [customerImportsTag],
  auth,
  params: idParams,
  body: importChoicesBodySchema,
  responses: { 202: { description: 'Queued.', body: customerImportSchema } },
  problems: choiceProblems,
});

export const startCustomerImportOperation = defineOperation({
  operationId: 'startCustomerImport',
  method: 'post',
  path: '/imports/:id/start',
  summary: { en: 'Start an import', 'zh-CN': '开始导入' },
  description: 'Queues the import as a background job: rows go in batches, each batch one transaction with the progress counters.',
  tags: [customerImportsTag],
  auth,
  params: idParams,
  body: importChoicesBodySchema,
  responses: { 202: { description: 'Queued.', body: customerImportSchema } },
  problems: choiceProblems,
});

export const cancelCustomerImportOperation = defineOperation({
  operationId: 'cancelCustomerImport',
  method: 'post',
  path: '/imports/:id/cancel',
  summary: { en: 'Cancel an import', 'zh-CN': '取消导入' },
  description: 'A queued run stops at once; a running one after the batch in progress, which commits whole.',
  tags: [customerImportsTag],
  auth,
  params: idParams,
  responses: { 200: { description: 'Cancelled, or cancelling (`cancelRequested`).', body: customerImportSchema } },
  problems: { 404: notVisible, 409: '`import-state`: the run is already over.' },
});

export const customerImportIssuesOperation = defineOperation({
  operationId: 'customerImportIssues',
  method: 'get',
  path: '/imports/:id/errors',
  summary: { en: 'Download the error report', 'zh-CN': '下载错误报告' },
  description: 'Every rejected and skipped row: row number, outcome, column, value and reason (in the Accept-Language), as .xlsx (default), .csv (UTF-8 with BOM) or JSON.',
  tags: [customerImportsTag],
  auth,
  params: idParams,
  query: importIssuesQuerySchema,
  responses: {
    200: {
      description: 'The report.',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  },
  problems: { 404: notVisible },
});

export const listImportMappingsOperation = defineOperation({
  operationId: 'listImportMappings',
  method: 'get',
  path: '/import-mappings',
  summary: { en: 'Mapping templates', 'zh-CN': '映射模板' },
  description: 'Yours and the shared ones.',
  tags: [customerImportsTag],
  auth,
  responses: {
    200: {
      description: 'The templates.',
      body: itemsBodySchema(importMappingSchema),
    },
  },
});

export const createImportMappingOperation = defineOperation({
  operationId: 'createImportMapping',
  method: 'post',
  path: '/import-mappings',
  summary: { en: 'Save a mapping template', 'zh-CN': '保存映射模板' },
  tags: [customerImportsTag],
  auth,
  body: createImportMappingBodySchema,
  responses: { 201: { description: 'Saved.', body: importMappingSchema } },
});
