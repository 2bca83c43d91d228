import type { FromSchema } from 'json-schema-to-ts';

const localized = {
  type: 'object',
  properties: { en: { type: 'string', minLength: 1, maxLength: 500 }, 'zh-CN': { type: 'string', minLength: 1, maxLength: 500 } },
  required: ['en', 'zh-CN'],
  additionalProperties: false,
} as const;

/** The hidden field a form traps bots with unless its definition names another. */
export const defaultHoneypotField = 'website';

export const webFormFieldTypes = ['text', 'textarea', 'email', 'phone', 'number', 'select'] as const;

/**
 * What a form asks and how it behaves. A field's key is a lead column (`name`, `company`, `phone`, `email`,
 * `region`) or a published lead custom field; `name` must be asked.
 */
export const webFormDocumentSchema = {
  title: 'Web form document',
  type: 'object',
  properties: {
    title: localized,
    intro: localized,
    thankYou: { ...localized, description: 'shown after a submission is received' },
    fields: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          key: { type: 'string', pattern: '^[a-z][A-Za-z0-9_]{0,63}$' },
          label: localized,
          type: { enum: webFormFieldTypes },
          required: { type: 'boolean', default: false },
          maxLength: { type: 'integer', minimum: 1, maximum: 4000, description: 'text fields; never more than the lead column holds' },
          options: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            description: 'select only',
            items: {
              type: 'object',
              properties: { value: { type: 'string', minLength: 1, maxLength: 200 }, label: localized },
              required: ['value', 'label'],
              additionalProperties: false,
            },
          },
        },
        required: ['key', 'label', 'type'],
        additionalProperties: false,
      },
    },
    honeypotField: {
      type: 'string',
      pattern: '^[a-z][A-Za-z0-9_]{0,63}$',
      default: defaultHoneypotField,
      description: 'a hidden input people never fill; a submission that fills it is answered as received and dropped',
    },
    rateLimit: {
      type: 'object',
      properties: {
        submissions: { type: 'integer', minimum: 1, maximum: 1000000 },
        windowSeconds: { type: 'integer', minimum: 1, maximum: 86400 },
      },
      required: ['submissions', 'windowSeconds'],
      additionalProperties: false,
      description: 'submissions one client IP may send in a window; default 5 per 600 s',
    },
  },
  required: ['title', 'fields'],
  additionalProperties: false,
} as const;
export type WebFormDocument = FromSchema<typeof webFormDocumentSchema>;
export type WebFormField = WebFormDocument['fields'][number];

const formSettings = {
  document: webFormDocumentSchema,
  campaignId: { type: ['integer', 'null'], minimum: 1, description: 'the campaign its leads link to' },
  routingPolicy: { type: 'string', minLength: 1, maxLength: 120, description: 'the routing policy that assigns its leads; default lead-routing' },
  allowedOrigins: {
    type: 'array',
    maxItems: 50,
    uniqueItems: true,
    items: { type: 'string', maxLength: 200, description: 'scheme://host[:port], exactly as a browser sends Origin' },
    description: 'sites whose pages may post to it (CORS) and frame its hosted page',
  },
  active: { type: 'boolean', description: 'an inactive form answers 404 to the public' },
} as const;

/** POST /api/web-forms */
export const createWebFormBodySchema = {
  title: 'New web form',
  type: 'object',
  properties: { key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,63}$', description: 'its public address: /forms/<key>' }, ...formSettings },
  required: ['key', 'document'],
  additionalProperties: false,
} as const;
export type CreateWebFormBody = FromSchema<typeof createWebFormBodySchema>;

/** PUT /api/web-forms/:id: the whole form again (the key stays). */
export const replaceWebFormBodySchema = {
  title: 'Web form',
  type: 'object',
  properties: { ...formSettings, version: { type: 'integer', minimum: 1 } },
  required: ['document'],
  additionalProperties: false,
} as const;
export type ReplaceWebFormBody = FromSchema<typeof replaceWebFormBodySchema>;

export const webFormViewSchema = {
  title: 'Web form view',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    key: { type: 'string' },
    document: { type: 'object' },
    campaignId: { type: ['integer', 'null'] },
    routingPolicy: { type: 'string' },
    allowedOrigins: { type: 'array', items: { type: 'string' } },
    active: { type: 'boolean' },
    hostedUrl: { type: 'string', description: 'the hosted page, relative to this server' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer' },
  },
  required: ['id', 'key', 'document', 'campaignId', 'routingPolicy', 'allowedOrigins', 'active', 'hostedUrl', 'createdAt', 'updatedAt', 'version'],
  additionalProperties: false,
} as const;
export type WebFormView = FromSchema<typeof webFormViewSchema>;

export const webFormSnippetSchema = {
  title: 'Web form snippet',
  type: 'object',
  properties: {
    hostedUrl: { type: 'string', description: 'absolute address of the hosted page' },
    submissionUrl: { type: 'string', description: 'where a page of an allowed origin posts JSON' },
    iframe: { type: 'string', description: 'HTML to paste into a page of an allowed origin' },
    script: { type: 'string', description: 'a script tag that posts an existing <form data-stagecraft-form> as JSON' },
  },
  required: ['hostedUrl', 'submissionUrl', 'iframe', 'script'],
  additionalProperties: false,
} as const;
export type WebFormSnippet = FromSchema<typeof webFormSnippetSchema>;
