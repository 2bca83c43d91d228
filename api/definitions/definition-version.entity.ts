import { defineEntity, p } from '@mikro-orm/core';

/**
 * One published, immutable version of a definition (a machine, a rule set, a fact catalogue, field definitions,
 * a queue or routing policy). Records point at the version they run on; a new version is a new row.
 */
export const DefinitionVersion = defineEntity({
  name: 'DefinitionVersion',
  tableName: 'definition_version',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    kind: p.string().length(40),
    key: p.string().length(120),
    version: p.integer(),
    document: p.json<Record<string, unknown>>(),
    source: p.string().length(200),
    publishedAt: p.datetime().onCreate(() => new Date()),
    /** The admin who published it through the API; null for a template install. */
    publishedBy: p.bigint('number').nullable(),
    note: p.text().nullable(),
  },
  uniques: [{ properties: ['kind', 'key', 'version'] }],
});
