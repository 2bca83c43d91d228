import { describe, expectTypeOf, it } from 'vitest';
import type { FactDefinition, FactSource } from './fact-catalogue.schema.ts';

describe('fact catalogue types', () => {
  it('derives fact types and source kinds from the schema', () => {
    expectTypeOf<FactDefinition['type']>().toEqualTypeOf<'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'enum'>();
    expectTypeOf<FactSource['kind']>().toEqualTypeOf<'column' | 'customField' | 'daysSince' | 'countToday' | 'exists'>();
    expectTypeOf<Extract<FactSource, { kind: 'countToday' }>['timestampColumn']>().toEqualTypeOf<string>();
  });
});
