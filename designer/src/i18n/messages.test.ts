import { describe, expect, it } from 'vitest';
import { effectNames, effectParamsSchemas, stageFlagsSchema } from '../../../definitions/effect-catalogue.schema.ts';
import { conditionOperators } from '../../../definitions/condition.schema.ts';
import { stagePermissions } from '../../../definitions/machine.schema.ts';
import { en } from './messages.en.ts';
import { zhCN } from './messages.zh-CN.ts';
import { catalogueGaps } from '../../../ui-kit/i18n/catalogue-gaps.ts';
import { catalogues } from './translate.ts';

describe('the designer message catalogues', () => {
  it('have the same keys and placeholders in both languages, none left untranslated', () => {
    expect(catalogueGaps(catalogues)).toEqual([]);
    for (const [key, text] of Object.entries(en)) {
      if (!/^operator\.(lessThan|greaterThan)|^value\.(POST|PUT|PATCH)$/.test(key)) expect(zhCN[key as keyof typeof en], key).not.toBe(text);
    }
  });

  it('name every parameter the effect forms and the stage flags show', () => {
    const names = new Set<string>();
    const walk = (schema: unknown): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const { properties, oneOf, anyOf, items } = schema as Record<string, unknown>;
      // A bilingual text is drawn as two inputs named by their language, not by its en / zh-CN keys.
      if (properties && Object.keys(properties).sort().join() !== 'en,zh-CN') {
        for (const [name, property] of Object.entries(properties)) {
          names.add(name);
          walk(property);
        }
      }
      for (const branch of [...((oneOf as unknown[]) ?? []), ...((anyOf as unknown[]) ?? [])]) walk(branch);
      walk(items);
    };
    [...Object.values(effectParamsSchemas), stageFlagsSchema].forEach(walk);
    for (const name of names) expect(en, name).toHaveProperty([`param.${name}`]);
  });

  it('name every value the effect forms and the stage flags offer in a menu, in both languages', () => {
    const values = new Set<string>();
    const walk = (schema: unknown): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const { enum: choices, const: constant, properties, oneOf, anyOf, items } = schema as Record<string, unknown>;
      for (const choice of (choices as unknown[]) ?? []) values.add(String(choice));
      if (constant !== undefined) values.add(String(constant));
      for (const property of Object.values((properties as Record<string, unknown>) ?? {})) walk(property);
      for (const branch of [...((oneOf as unknown[]) ?? []), ...((anyOf as unknown[]) ?? [])]) walk(branch);
      walk(items);
    };
    [...Object.values(effectParamsSchemas), stageFlagsSchema].forEach(walk);
    expect(values).toContain('recycled');
    for (const value of values) {
      expect(en, value).toHaveProperty([`value.${value}`]);
      expect(zhCN, value).toHaveProperty([`value.${value}`]);
    }
  });

  it('name every effect, operator and stage permission of the catalogues', () => {
    for (const name of effectNames) expect(en).toHaveProperty([`effect.${name}`]);
    for (const operator of conditionOperators) expect(en).toHaveProperty([`operator.${operator}`]);
    for (const permission of stagePermissions) expect(en).toHaveProperty([`permission.${permission}`]);
  });
});
