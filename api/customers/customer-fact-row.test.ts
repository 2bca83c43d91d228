import { describe, expect, it } from 'vitest';
import { toQuestionMarkParams } from './customer-fact-row.ts';

describe('engine SQL for MikroORM', () => {
  it('turns each $n into ? with its value, repeating reused ones in order', () => {
    expect(toQuestionMarkParams('a = $1::text and b < $2::timestamptz and c < $2::timestamptz', ['x', '2026-01-01T00:00:00Z'])).toEqual({
      sql: 'a = ?::text and b < ?::timestamptz and c < ?::timestamptz',
      params: ['x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    });
  });

  it('passes a list as PostgreSQL array text, quotes and backslashes escaped', () => {
    expect(toQuestionMarkParams('s = any($1::text[])', [['claim', 'a"b', 'c\\d', null]]).params).toEqual(['{"claim","a\\"b","c\\\\d",NULL}']);
  });
});
