import { describe, expect, it } from 'vitest';
import { teamRecordsExportSearch } from './team-records-export.ts';

describe('exporting the team’s contact records as the review page shows them', () => {
  it('selects the rep and the days by the contact-record facts, newest first', () => {
    const search = teamRecordsExportSearch({ author: 7, from: '2026-11-01', to: '2026-11-24' });
    expect(JSON.parse(search.get('filter')!)).toEqual({
      all: [
        { fact: 'authorId', operator: 'equal', value: 7 },
        { fact: 'occurredAt', operator: 'greaterThanInclusive', value: '2026-11-01' },
        { fact: 'occurredAt', operator: 'lessThanInclusive', value: '2026-11-24' },
      ],
    });
    expect(search.get('sort')).toBe('-occurredAt');
  });

  it('exports every visible record without a filter when none is chosen', () => {
    const search = teamRecordsExportSearch({});
    expect(search.has('filter')).toBe(false);
    expect(search.get('sort')).toBe('-occurredAt');
  });
});
