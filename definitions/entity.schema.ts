/** The record kinds a definition can apply to: fields, rules, queue sections and created records name one of these. */
export const entityNames = ['customer', 'contact', 'opportunity', 'order', 'ticket', 'lead'] as const;

export type EntityName = (typeof entityNames)[number];

export const entitySchema = { enum: entityNames } as const;
