import { describe, expect, it } from 'vitest';
import { problemsFromAjvErrors } from './ajv-problems.ts';
import { compileSchemaCheck, schemaProblems } from './schema-validator.ts';

const personSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 5 },
    age: { type: 'integer', minimum: 0 },
    role: { enum: ['rep', 'manager'] },
    kind: { const: 'person' },
    email: { type: 'string', format: 'email' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, minItems: 1 },
    contact: { anyOf: [{ type: 'string' }, { type: 'object', properties: { phone: { type: 'string' } }, required: ['phone'] }] },
    'a/b': { type: 'number' },
  },
  required: ['name'],
  additionalProperties: false,
} as const;

const checkPerson = compileSchemaCheck(personSchema);
const problemsOf = (data: unknown, base = '') => schemaProblems(checkPerson, data, base);

describe('ajv errors as problems', () => {
  it('returns no problems for valid data', () => {
    expect(problemsOf({ name: 'Li' })).toEqual([]);
    expect(problemsFromAjvErrors(null, '')).toEqual([]);
  });

  it('points a missing property at the property itself', () => {
    expect(problemsOf({}, '/people/0')).toEqual([
      { path: '/people/0/name', code: 'schema.required', message: { en: '"name" is required.', 'zh-CN': '缺少必填项“name”。' } },
    ]);
  });

  it('points an unknown property at the property itself', () => {
    expect(problemsOf({ name: 'Li', nickname: 'x' })).toEqual([
      { path: '/nickname', code: 'schema.unknownProperty', message: { en: '"nickname" is not allowed here.', 'zh-CN': '此处不允许出现“nickname”。' } },
    ]);
  });

  it('translates the common keywords into both languages', () => {
    const problems = problemsOf({ name: '', age: -1.5, role: 'boss', kind: 'robot', email: 'x', tags: [] });
    expect(problems.map((p) => [p.path, p.code, p.message.en, p.message['zh-CN']])).toEqual([
      ['/name', 'schema.empty', 'Must not be empty.', '不能为空。'],
      ['/age', 'schema.type', 'Must be a whole number.', '应为整数。'],
      ['/age', 'schema.minimum', 'Must be >= 0.', '必须 >= 0。'],
      ['/role', 'schema.enum', 'Must be one of "rep", "manager".', '必须是以下之一："rep"、"manager"。'],
      ['/kind', 'schema.const', 'Must be "person".', '必须是 "person"。'],
      ['/email', 'schema.format', 'Must be a valid email.', '必须是有效的 email。'],
      ['/tags', 'schema.minItems', 'Must have at least one item.', '至少需要一项。'],
    ]);
  });

  it('reports duplicate list items', () => {
    expect(problemsOf({ name: 'Li', tags: ['a', 'b', 'a'] })).toEqual([
      expect.objectContaining({ path: '/tags', code: 'schema.uniqueItems' }),
    ]);
  });

  it('reports a value matching no branch of a union once, without the branch details', () => {
    expect(problemsOf({ name: 'Li', contact: { mobile: '1' } })).toEqual([
      { path: '/contact', code: 'schema.noMatchingShape', message: { en: 'Does not match any allowed form.', 'zh-CN': '不符合任何允许的格式。' } },
    ]);
  });

  it('escapes property names in pointers', () => {
    expect(problemsOf({ name: 'Li', 'a/b': 'x' })[0]?.path).toBe('/a~1b');
  });

  it('names a key that fails propertyNames once, at the key', () => {
    const check = compileSchemaCheck({ type: 'object', propertyNames: { pattern: '^[a-z]+$' } });
    expect(schemaProblems(check, { Bad1: 1, fine: 2 }, '/states')).toEqual([
      {
        path: '/states/Bad1',
        code: 'schema.propertyName',
        message: { en: '"Bad1" is not a valid name.', 'zh-CN': '“Bad1”不是有效的名称。' },
      },
    ]);
  });
});
