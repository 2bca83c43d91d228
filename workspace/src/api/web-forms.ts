import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';
import type { LocalizedText } from './me.ts';

/** The field types a web form offers (api/web-forms/web-form-bodies.schema.ts `webFormFieldTypes`). */
export const webFormFieldTypes = ['text', 'textarea', 'email', 'phone', 'number', 'select'] as const;
export type WebFormFieldType = (typeof webFormFieldTypes)[number];

/** The lead columns a form field may fill (api/web-forms/web-form-fields.ts); any other key is a lead custom field. */
export const leadColumnKeys = ['name', 'company', 'phone', 'email', 'region'] as const;

export interface WebFormField {
  key: string;
  label: LocalizedText;
  type: WebFormFieldType;
  required?: boolean;
  maxLength?: number;
  options?: Array<{ value: string; label: LocalizedText }>;
}

/** What a form asks and how it behaves; honeypot and rate limit are kept as loaded, the console does not edit them. */
export interface WebFormDocument {
  title: LocalizedText;
  intro?: LocalizedText;
  thankYou?: LocalizedText;
  fields: WebFormField[];
  honeypotField?: string;
  rateLimit?: { submissions: number; windowSeconds: number };
}

/** The settings POST and PUT take besides the key. */
export interface WebFormSettings {
  document: WebFormDocument;
  campaignId: number | null;
  routingPolicy?: string;
  allowedOrigins: string[];
  active: boolean;
}

/** A form as GET /api/web-forms/:id answers. */
export interface WebForm extends WebFormSettings {
  id: number;
  key: string;
  routingPolicy: string;
  /** The hosted page, relative to this server: /forms/<key>. */
  hostedUrl: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** GET /api/web-forms/:id/snippet: what an admin pastes into a site. */
export interface WebFormSnippet {
  hostedUrl: string;
  submissionUrl: string;
  iframe: string;
  script: string;
}

/** A campaign as the form's campaign choice needs it (GET /api/campaigns). */
export interface CampaignChoice {
  id: number;
  name: string;
  channel: string;
}

/** The policy a form's leads are routed by when it names none (api/leads/create-lead.command.ts). */
export const defaultRoutingPolicyKey = 'lead-routing';

/** A published routing policy (GET /api/definitions, kind routingPolicy, with a published version). */
export interface RoutingPolicyChoice {
  key: string;
  title: LocalizedText | null;
}

const base = '/api/web-forms';

export const fetchWebForms = (api: ApiClient) => api.get<WebForm[]>(base);

export const fetchWebForm = (api: ApiClient, id: number) => api.get<WebForm>(`${base}/${id}`);

export const createWebForm = (api: ApiClient, key: string, settings: WebFormSettings) => api.post<WebForm>(base, { key, ...settings });

/** The whole form again, from the version it was edited on (a newer one answers 409 stale-version). */
export const replaceWebForm = (api: ApiClient, form: Pick<WebForm, 'id' | 'version'>, settings: WebFormSettings) =>
  api.put<WebForm>(`${base}/${form.id}`, { ...settings, version: form.version });

export const fetchWebFormSnippet = (api: ApiClient, id: number, lang: Locale) =>
  api.get<WebFormSnippet>(`${base}/${id}/snippet?lang=${encodeURIComponent(lang)}`);

/** The newest 200 live campaigns: more than a form's choice ever needs to offer. */
export const fetchCampaignChoices = async (api: ApiClient): Promise<CampaignChoice[]> =>
  (await api.get<{ items: CampaignChoice[] }>('/api/campaigns?limit=200')).items;

/** The routing policies a form may name: those with a published version (a draft alone cannot route). */
export async function fetchRoutingPolicyChoices(api: ApiClient): Promise<RoutingPolicyChoice[]> {
  const { items } = await api.get<{ items: Array<{ kind: string; key: string; title: LocalizedText | null; latestVersion: number | null }> }>(
    '/api/definitions',
  );
  return items.filter((item) => item.kind === 'routingPolicy' && item.latestVersion !== null).map(({ key, title }) => ({ key, title }));
}
