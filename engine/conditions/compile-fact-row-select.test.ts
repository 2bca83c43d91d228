import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { compileFactRowSelect } from './compile-fact-row-select.ts';

describe('compileFactRowSelect', () => {
  it("loads the entity's columns plus each aggregate the catalogue names, with now and the zone bound", () => {
    const select = compileFactRowSelect(defaultFactCatalogues.customer, {
      tableAlias: 'c',
      context: { now: Date.parse('2024-05-20T02:00:00Z'), timeZone: 'Asia/Shanghai' },
    });
    expect(select.sql.startsWith('"c".*, (select count(*) from "ownership_event" as "sc_related" where ')).toBe(true);
    expect(select.sql).toContain(' as "owned_count_today", exists (select 1 from "opportunity" as "sc_related" where ');
    expect(select.sql.endsWith(' as "has_open_opportunity"')).toBe(true);
    expect(select.params).toEqual([['claim'], '2024-05-20T02:00:00.000Z', 'Asia/Shanghai', ['open']]);
  });

  it('reads the instant and the zone from SQL it is given, binding neither', () => {
    const select = compileFactRowSelect(defaultFactCatalogues.customer, { tableAlias: 'c', clock: { now: 'i.now', timeZone: 'i.time_zone' } });
    expect(select.sql).toContain("date_trunc('day', (i.now)::timestamptz AT TIME ZONE (i.time_zone)::text)");
    expect(select.params).toEqual([['claim'], ['open']]);
  });

  it('adds nothing to a catalogue without aggregates', () => {
    const select = compileFactRowSelect(defaultFactCatalogues.ticket, { context: { now: 0, timeZone: 'UTC' } });
    expect(select).toEqual({ sql: '"ticket".*', params: [] });
  });
});
