import { describe, expect, expectTypeOf, it } from 'vitest';
import { effectInvocationSchema, effectNames, effectParamsSchemas, type EffectParams } from './effect-catalogue.schema.ts';

describe('effect catalogue', () => {
  it('has exactly one invocation branch and one params schema per effect name, in the same order', () => {
    const branchTypes = effectInvocationSchema.oneOf.map((branch) => branch.properties.type.const);
    expect(branchTypes).toEqual([...effectNames]);
    expect(Object.keys(effectParamsSchemas)).toEqual([...effectNames]);
  });

  it('derives each effect parameter type from its schema', () => {
    expectTypeOf<EffectParams<'createTask'>['title']>().toEqualTypeOf<{ en: string; 'zh-CN': string }>();
    expectTypeOf<EffectParams<'releaseToPool'>['reason']>().toEqualTypeOf<'recycled' | 'released' | 'ownerLeft' | 'unqualified'>();
  });
});
