import { localizedTextSchema } from '../../definitions/localized-text.schema.ts';
import { contactChannels } from './contact-channels.ts';

/** A contact record (联系记录) as the API shows it. */
export const contactRecordViewSchema = {
  title: 'Contact record',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    customerId: { type: 'integer', minimum: 1 },
    contactId: { type: ['integer', 'null'] },
    channel: { enum: contactChannels },
    outcome: { type: 'string' },
    outcomeLabel: { anyOf: [localizedTextSchema, { type: 'null' }] },
    notes: { type: 'string' },
    occurredAt: { type: 'string', format: 'date-time' },
    nextFollowUpAt: { type: ['string', 'null'], format: 'date-time' },
    reminderAt: { type: ['string', 'null'], format: 'date-time' },
    authorId: { type: 'integer', minimum: 1 },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    editableUntil: { type: 'string', format: 'date-time', description: 'its author may correct it until then' },
    version: { type: 'integer', minimum: 1 },
  },
  required: [
    'id', 'customerId', 'contactId', 'channel', 'outcome', 'outcomeLabel', 'notes', 'occurredAt', 'nextFollowUpAt',
    'reminderAt', 'authorId', 'createdAt', 'updatedAt', 'editableUntil', 'version',
  ],
  additionalProperties: false,
} as const;
