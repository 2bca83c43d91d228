import type { FromSchema } from 'json-schema-to-ts';
import { localizedTextSchema } from '../../definitions/localized-text.schema.ts';

/** A button of GET /api/<entity>/:id/actions: an event the caller may send now, or why not. */
export const recordActionSchema = {
  title: 'Record action',
  type: 'object',
  properties: {
    event: { type: 'string', description: 'send it to POST /api/<entity>/:id/events' },
    label: localizedTextSchema,
    available: { type: 'boolean' },
    target: { type: 'string', description: 'the stage it leads to; absent when it stays' },
    targetLabel: localizedTextSchema,
    reason: {
      type: 'object',
      description: 'why it is unavailable now',
      properties: { path: { type: 'string' }, code: { type: 'string' }, message: localizedTextSchema },
      required: ['path', 'code', 'message'],
      additionalProperties: false,
    },
  },
  required: ['event', 'label', 'available'],
  additionalProperties: false,
} as const;

export type RecordAction = FromSchema<typeof recordActionSchema>;
