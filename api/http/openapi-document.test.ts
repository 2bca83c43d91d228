import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { conditionRefSchema } from '../../definitions/condition-reference.schema.ts';
import { conditionSchema } from '../../definitions/condition.schema.ts';
import { compileSchemaCheck, schemaProblems } from '../../engine/validation/schema-validator.ts';
import { openApiDocument } from './openapi-document.ts';
import { defineOperation, type ApiTag } from './operation.ts';

const tag = { name: 'things', title: { en: 'Things', 'zh-CN': '东西' }, description: { en: 'Things.', 'zh-CN': '东西。' } } as const satisfies ApiTag;

const searchThings = defineOperation({
  operationId: 'searchThings',
  method: 'post',
  path: '/things/search',
  summary: { en: 'Search things', 'zh-CN': '搜索' },
  tags: [tag],
  auth: { permissions: ['mayExport'] },
  query: { type: 'object', properties: { limit: { type: 'integer', default: 50, description: 'at most this many' } } },
  body: { title: 'Thing search', type: 'object', properties: { where: conditionRefSchema }, required: ['where'] },
  responses: { 200: { description: 'Found.', body: { type: 'array', items: { type: 'object' } } } },
});

const getThing = defineOperation({
  operationId: 'getThing',
  method: 'get',
  path: '/things/:id',
  summary: { en: 'Get a thing', 'zh-CN': '查看' },
  tags: [tag],
  auth: 'public',
  params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  responses: { 200: { description: 'The thing.', headers: { ETag: { description: 'its version', schema: { type: 'string' } } } } },
  problems: { 404: '`not-found`: no such thing.' },
});

async function validation(document: object) {
  return new Validator().validate(structuredClone(document) as Record<string, unknown>);
}

describe('the OpenAPI document', () => {
  it('passes the OpenAPI 3.1 schema, $refs to the condition language by $id included', async () => {
    const document = openApiDocument([searchThings, getThing]);
    expect(await validation(document)).toEqual({ valid: true });
    expect(Object.keys(document.components.schemas)).toEqual(['Condition', 'Problem', 'ThingSearch']);
  });

  it('bundles the condition language without changing what it accepts', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ $id: 'https://example.test/openapi.json', ...openApiDocument([searchThings]) });
    const check = ajv.getSchema('https://example.test/openapi.json#/components/schemas/ThingSearch');
    const leaf = { fact: 'level', operator: 'equal', value: 'A' };
    for (const where of [leaf, { all: [leaf, { not: { any: [leaf] } }] }]) {
      expect(check?.({ where }), JSON.stringify(where)).toBe(true);
      expect(schemaProblems(compileSchemaCheck(conditionSchema), where, '')).toEqual([]);
    }
    for (const where of [{ all: [{ fact: 'level' }] }, { not: [leaf] }, { fact: 'level', operator: 'resembles', value: 1 }]) {
      expect(check?.({ where }), JSON.stringify(where)).toBe(false);
      expect(schemaProblems(compileSchemaCheck(conditionSchema), where, '')).not.toEqual([]);
    }
  });

  it('is checked by a validator that does fail a broken document', async () => {
    const { info: _info, ...withoutInfo } = openApiDocument([getThing]);
    expect((await validation(withoutInfo)).valid).toBe(false);
  });

  it('writes path and query values as parameters and Express paths as templates', () => {
    const { paths } = openApiDocument([searchThings, getThing]);
    expect(paths['/things/{id}']?.get?.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(paths['/things/search']?.post?.parameters).toEqual([
      { name: 'limit', in: 'query', required: false, description: 'at most this many', schema: { type: 'integer', default: 50, description: 'at most this many' } },
    ]);
  });

  it('adds the failures the declaration implies to those the operation names', () => {
    const { paths } = openApiDocument([searchThings, getThing]);
    const search = paths['/things/search']?.post;
    expect(Object.keys(search?.responses ?? {})).toEqual(['200', '400', '401', '403', 'default']);
    expect(search?.responses['403']?.description).toMatch(/`forbidden`.*`mayExport`.*`cross-origin`/);
    expect(search?.security).toEqual([{ stagecraft_session: [] }]);
    const get = paths['/things/{id}']?.get;
    expect(Object.keys(get?.responses ?? {})).toEqual(['200', '400', '404', 'default']);
    expect(get?.security).toEqual([]);
  });

  it('refuses an operation id or a method and path declared twice', () => {
    expect(() => openApiDocument([getThing, { ...searchThings, operationId: 'getThing' }])).toThrow(/id getThing twice/);
    expect(() => openApiDocument([getThing, { ...getThing, operationId: 'other', path: '/things/:thingId' }])).toThrow(/get \/things\/\{\} twice/);
  });
});
