/**
 * The query parameters every filtered list shares (docs/lists.md): a condition, up to four sort levels, a page size
 * and the opaque keyset cursor. `records` names the list's records in the descriptions.
 */
export function listQueryProperties<Records extends string>(records: Records) {
  return {
    filter: {
      type: 'string',
      minLength: 2,
      maxLength: 8000,
      description: `a condition over the ${records} facts and custom fields, as JSON (docs/definitions.md, docs/lists.md)`,
    },
    sort: {
      type: 'string',
      minLength: 1,
      maxLength: 1000,
      description: 'up to four facts, `stage,-nextFollowUpAt,name` (a leading - for descending) or a JSON list of { fact, direction }',
    },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'at most this many (1–200)' },
    cursor: { type: 'string', minLength: 1, maxLength: 4000, description: 'the nextCursor of the previous page, with the same filter and sort' },
  } as const;
}
