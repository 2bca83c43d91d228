/** The body of an answer that is a whole list at once: `{ items: [...] }` of `item`, nothing else. */
export function itemsBodySchema<const Item>(item: Item) {
  return { type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'], additionalProperties: false } as const;
}
