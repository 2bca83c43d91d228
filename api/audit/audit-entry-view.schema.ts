/** An audit entry as the API shows it: the record before and after, masked for the reader like the record itself. */
export const auditEntryViewSchema = {
  title: 'Audit entry',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    entity: { type: 'string', description: 'customer, contact, contact_record, …' },
    recordId: { type: 'integer', minimum: 1 },
    action: { type: 'string', description: 'create, update, delete, restore, purge, contact-logged, …' },
    actorId: { type: ['integer', 'null'], description: 'who did it; null: the system (a template, a sweep)' },
    at: { type: 'string', format: 'date-time' },
    before: { type: ['object', 'null'] },
    after: { type: ['object', 'null'] },
    why: {
      type: 'object',
      description: '`{kind: "trace", trace}`: the engine’s explanation; `{kind: "reason", code, …}`: the command and its reason',
      properties: { kind: { enum: ['trace', 'reason'] } },
      required: ['kind'],
    },
    requestId: { type: ['string', 'null'], description: 'the X-Request-Id of the request that made the change' },
  },
  required: ['id', 'entity', 'recordId', 'action', 'actorId', 'at', 'before', 'after', 'why', 'requestId'],
  additionalProperties: false,
} as const;

