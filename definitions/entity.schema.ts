/** The record kinds a definition can apply to: fields, rules, queue sections and created records name one of these. */
export const entityNames = ['customer', 'contact', 'opportunity', 'order', 'ticket', 'lead'] as const;

export type EntityName = (typeof entityNames)[number];

export const entitySchema = { enum: entityNames } as const;

/**
 * What a fact catalogue may describe: every entity, and contact records, which have a catalogue for their list's
 * filters and sorts but no machine, fields, rules or queue sections (so they are not an entity name).
 */
export const catalogueEntityNames = [...entityNames, 'contactRecord'] as const;

export type CatalogueEntityName = (typeof catalogueEntityNames)[number];
