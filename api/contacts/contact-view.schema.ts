/** A contact as one caller sees it: fields their role hides are absent, masked ones come masked (138****5678). */
export const contactViewSchema = {
  title: 'Contact',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    customerId: { type: 'integer', minimum: 1 },
    name: { type: 'string' },
    title: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    wechat: { type: ['string', 'null'] },
    isPrimary: { type: ['boolean', 'string'] },
    customFields: { type: 'object' },
    createdBy: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer', minimum: 1, description: 'send it back as If-Match to change the contact' },
  },
  required: ['id', 'customerId', 'customFields', 'createdBy', 'createdAt', 'updatedAt', 'version'],
  additionalProperties: false,
} as const;
