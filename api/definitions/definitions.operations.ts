import { ifMatchHeader } from '../customers/customers.operations.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import {
  definitionDetailViewSchema,
  definitionListViewSchema,
  definitionParams,
  diffQuerySchema,
  diffViewSchema,
  documentBodySchema,
  exportQuerySchema,
  exportViewSchema,
  impactViewSchema,
  importBodySchema,
  migrationParams,
  migrationViewSchema,
  problemsViewSchema,
  publishBodySchema,
  publishedViewSchema,
  saveDraftBodySchema,
  savedDraftViewSchema,
  simulateBodySchema,
  simulationViewSchema,
  versionListViewSchema,
  versionParams,
  versionViewSchema,
} from './definition-api.schema.ts';

export const definitionsTag = {
  name: 'definitions',
  title: { en: 'Definitions (designer)', 'zh-CN': '流程定义（设计器）' },
  description: {
    en: 'Machines, rules and policies as the designer edits them: drafts, checks, versions, diffs, impact on real records, simulation, publishing with record migration, import and export.',
    'zh-CN': '设计器编辑的状态机、规则与策略：草稿、校验、版本、差异、对真实记录的影响、模拟、发布并迁移记录、导入导出。',
  },
} as const satisfies ApiTag;

const admin = { permissions: ['mayManageDefinitions'] } as const;
const noSuch = '`not-found`: no such definition (or version).';
const pathsNamed = '`validation`: the document breaks its schema or the engine’s checks; `errors` names each path under `/document`.';

export const listDefinitionsOperation = defineOperation({
  operationId: 'listDefinitions',
  method: 'get',
  path: '/definitions',
  summary: { en: 'List the definitions', 'zh-CN': '列出流程定义' },
  description: 'Each definition’s latest version and whether a draft is under way; definitions that so far exist only as a draft too.',
  tags: [definitionsTag],
  auth: admin,
  responses: { 200: { description: 'The definitions by kind and key.', body: definitionListViewSchema } },
});

export const getDefinitionMigrationOperation = defineOperation({
  operationId: 'getDefinitionMigration',
  method: 'get',
  path: '/definitions/migrations/:id',
  summary: { en: 'Progress of a record migration', 'zh-CN': '记录迁移进度' },
  tags: [definitionsTag],
  auth: admin,
  params: migrationParams,
  responses: { 200: { description: 'The migration and how far it got.', body: migrationViewSchema } },
  problems: { 404: '`not-found`: no such migration.' },
});

export const importDefinitionOperation = defineOperation({
  operationId: 'importDefinition',
  method: 'post',
  path: '/definitions/import',
  summary: { en: 'Import a definition as the draft', 'zh-CN': '导入定义为草稿' },
  description: 'Checked as publishing checks it (400 naming every path under `/document`), then saved as the draft, replacing any draft.',
  tags: [definitionsTag],
  auth: admin,
  body: importBodySchema,
  responses: { 200: { description: 'Saved as the draft.', body: savedDraftViewSchema } },
  problems: { 400: pathsNamed },
});

export const getDefinitionOperation = defineOperation({
  operationId: 'getDefinition',
  method: 'get',
  path: '/definitions/:kind/:key',
  summary: { en: 'A definition and its draft', 'zh-CN': '定义及其草稿' },
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  responses: { 200: { description: 'The latest version and the draft with its problems.', body: definitionDetailViewSchema } },
  problems: { 404: noSuch },
});

export const listDefinitionVersionsOperation = defineOperation({
  operationId: 'listDefinitionVersions',
  method: 'get',
  path: '/definitions/:kind/:key/versions',
  summary: { en: 'The versions of a definition', 'zh-CN': '定义的历史版本' },
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  responses: { 200: { description: 'Newest first.', body: versionListViewSchema } },
});

export const getDefinitionVersionOperation = defineOperation({
  operationId: 'getDefinitionVersion',
  method: 'get',
  path: '/definitions/:kind/:key/versions/:version',
  summary: { en: 'One version of a definition', 'zh-CN': '定义的某一版本' },
  tags: [definitionsTag],
  auth: admin,
  params: versionParams,
  responses: { 200: { description: 'The version’s document.', body: versionViewSchema } },
  problems: { 404: noSuch },
});

export const saveDefinitionDraftOperation = defineOperation({
  operationId: 'saveDefinitionDraft',
  method: 'put',
  path: '/definitions/:kind/:key/draft',
  summary: { en: 'Save the draft', 'zh-CN': '保存草稿' },
  description:
    'A draft may be invalid (it is work in progress): `problems` lists what publishing would refuse, with JSON Pointers into the document. ' +
    'The first draft needs no If-Match; later saves name the revision they replace.',
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  headers: { 'If-Match': { ...ifMatchHeader, description: 'the draft revision you changed: "3" (needed once a draft exists)' } },
  body: saveDraftBodySchema,
  responses: { 200: { description: 'Saved.', body: savedDraftViewSchema } },
  problems: {
    409: '`stale-version`: someone saved the draft since you loaded it.',
    428: '`version-required`: a draft exists and If-Match does not name its revision.',
  },
});

export const deleteDefinitionDraftOperation = defineOperation({
  operationId: 'deleteDefinitionDraft',
  method: 'delete',
  path: '/definitions/:kind/:key/draft',
  summary: { en: 'Discard the draft', 'zh-CN': '丢弃草稿' },
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  responses: { 204: { description: 'Discarded (or there was none).' } },
});

export const validateDefinitionOperation = defineOperation({
  operationId: 'validateDefinition',
  method: 'post',
  path: '/definitions/:kind/:key/validate',
  summary: { en: 'Check a document', 'zh-CN': '校验定义' },
  description: 'The same schema and semantic checks as publishing (engine validators, fact and effect catalogues, the published definitions it refers to).',
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  body: documentBodySchema,
  responses: { 200: { description: 'The problems; empty when it may be published.', body: problemsViewSchema } },
});

export const diffDefinitionOperation = defineOperation({
  operationId: 'diffDefinition',
  method: 'get',
  path: '/definitions/:kind/:key/diff',
  summary: { en: 'Compare two versions', 'zh-CN': '比较两个版本' },
  description: 'Behavioural changes only (layout and colours are ignored), with the stages that disappear and a proposed state map.',
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  query: diffQuerySchema,
  responses: { 200: { description: 'The changes.', body: diffViewSchema } },
  problems: { 404: noSuch },
});

export const definitionImpactOperation = defineOperation({
  operationId: 'previewDefinitionImpact',
  method: 'post',
  path: '/definitions/:kind/:key/impact',
  summary: { en: 'Impact on real records', 'zh-CN': '对真实记录的影响' },
  description: 'Machines: records in stages the document removes, renames or changes. Rules: the records it would touch now. Nothing is written.',
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  body: documentBodySchema,
  responses: { 200: { description: 'The impact.', body: impactViewSchema } },
  problems: { 400: `${pathsNamed} Also for a kind without an impact preview.` },
});

export const simulateDefinitionOperation = defineOperation({
  operationId: 'simulateDefinition',
  method: 'post',
  path: '/definitions/:kind/:key/simulate',
  summary: { en: 'Simulate events on a real record', 'zh-CN': '在真实记录上模拟事件' },
  description: 'Fires the events one by one at the record against the draft machine with the record’s real facts; nothing is written.',
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  body: simulateBodySchema,
  responses: { 200: { description: 'Each step with its checks and effects.', body: simulationViewSchema } },
  problems: { 400: pathsNamed, 404: '`not-found`: no such record.' },
});

export const publishDefinitionOperation = defineOperation({
  operationId: 'publishDefinition',
  method: 'post',
  path: '/definitions/:kind/:key/publish',
  summary: { en: 'Publish a new version', 'zh-CN': '发布新版本' },
  description:
    'Publishes the document (or the draft) as the next immutable version and drops the draft; the next request uses it. For a machine, ' +
    'records on older versions move in a background migration (`migration`); every stage they sit in that the new version lacks must be in `stateMap`.',
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  body: publishBodySchema,
  responses: { 201: { description: 'Published.', body: publishedViewSchema } },
  problems: {
    400: `${pathsNamed} \`/stateMap/<stage>\` for a stage records sit in that is not mapped (\`migration.stateUnmapped\`) or maps to no stage.`,
    409: '`conflict`: no draft to publish, or a concurrent change won.',
  },
});

export const exportDefinitionOperation = defineOperation({
  operationId: 'exportDefinition',
  method: 'get',
  path: '/definitions/:kind/:key/export',
  summary: { en: 'Export a version as JSON', 'zh-CN': '导出版本为 JSON' },
  tags: [definitionsTag],
  auth: admin,
  params: definitionParams,
  query: exportQuerySchema,
  responses: { 200: { description: 'A JSON download.', body: exportViewSchema } },
  problems: { 404: noSuch },
});
