import type { FromSchema } from 'json-schema-to-ts';

/** Every text a user reads in a definition (labels, task titles, notifications) is written in both UI languages. */
export const localizedTextSchema = {
  type: 'object',
  properties: {
    en: { type: 'string', minLength: 1 },
    'zh-CN': { type: 'string', minLength: 1 },
  },
  required: ['en', 'zh-CN'],
  additionalProperties: false,
} as const;

export type LocalizedLabel = FromSchema<typeof localizedTextSchema>;
