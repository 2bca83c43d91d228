import type { JSONSchema } from 'json-schema-to-ts';

/** A filtered list's answer: a page of items, the next page's cursor and the total the filters select. */
export function listPageBody<const Item extends JSONSchema>(title: string, item: Item, records: string) {
  return {
    title,
    type: 'object',
    properties: {
      items: { type: 'array', items: item },
      nextCursor: { type: ['string', 'null'], description: 'pass as `cursor` for the next page; null on the last' },
      total: { type: 'integer', minimum: 0, description: `how many ${records} the filters select in all, on every page` },
    },
    required: ['items', 'nextCursor', 'total'],
    additionalProperties: false,
  } as const;
}

/** What every filtered list refuses, for its operation's `problems`. */
export const listProblems = {
  400: '`validation` also for a filter or sort the fact catalogue does not accept (named at `/query/filter/…` or `/query/sort/<level>`) and a cursor of another sort (`/query/cursor`).',
  403: '`forbidden`: a filter or sort on a field your role may not see, or a masked field filtered other than by empty / not empty (each named).',
} as const;

/** The operation description every filtered list shares, after its own first sentence. */
export function listDescription(records: string): string {
  return (
    'Newest first unless `sort` says otherwise, one keyset page at a time, with the total the filters select. ' +
    `\`filter\` is a condition in the rules language over the ${records} facts and custom fields (docs/lists.md); you may ` +
    'not filter or sort by a field your role hides, and filter a masked one only by isEmpty / isNotEmpty.'
  );
}
