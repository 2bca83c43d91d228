import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { FiredEvent, RecordAction } from './customers.ts';
import type { LocalizedText } from './me.ts';

/** Why a lead went to whom (api/leads/lead-view.schema.ts): the routing decision as stored with the lead. */
export interface LeadAssignment {
  policyKey: string;
  policyVersion: number;
  ruleId: string | null;
  strategy: string | null;
  target: 'user' | 'pool';
  userId: number | null;
  summary: LocalizedText;
  steps: Array<{ ruleId: string; ruleNumber: number; outcome: string; words: LocalizedText }>;
  decidedAt: string;
}

/** A lead as the signed-in person sees it: fields the role may not see are absent, masked ones masked. */
export interface Lead {
  id: number;
  name?: string;
  company?: string | null;
  phone?: string | null;
  email?: string | null;
  region?: string | null;
  source: string;
  campaignId?: number | null;
  score?: number | null;
  status: string;
  ownership: 'personal' | 'pool';
  ownerId: number | null;
  assignment: LeadAssignment | null;
  convertedAt?: string | null;
  convertedCustomerId?: number | null;
  convertedOpportunityId?: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface LeadPage {
  items: Lead[];
  nextCursor: string | null;
  total: number;
}

export interface NewLead {
  name: string;
  source: string;
  company?: string;
  phone?: string;
  email?: string;
  region?: string;
}

export interface LeadConversion {
  lead: Lead;
  customerId: number;
  contactId: number | null;
  opportunityId: number | null;
}

/** Where a lead may come from (api/leads/lead-view.schema.ts `leadSources`), as the new-lead form offers them. */
export const leadSources = ['website', 'referral', 'event', 'coldCall', 'import', 'webForm', 'campaign'] as const;

const base = (id: number) => `/api/leads/${id}`;
const ifMatch = (lead: Pick<Lead, 'version'>) => ({ 'if-match': `"${lead.version}"` });

/** A page of the leads the caller may see, newest first, optionally of one status. */
/** The leads list request (GET /api/leads), narrowed by status; filter and sort are added by the list's query. */
export function leadsSearch(query: { status?: string; cursor?: string }): URLSearchParams {
  const search = new URLSearchParams({ limit: '50' });
  if (query.status !== undefined) search.set('status', query.status);
  if (query.cursor !== undefined) search.set('cursor', query.cursor);
  return search;
}

export const fetchLeads = (api: ApiClient, search: URLSearchParams): Promise<LeadPage> => api.get<LeadPage>(`/api/leads?${search}`);

export const fetchLead = (api: ApiClient, id: number) => api.get<Lead>(base(id));

export const fetchLeadActions = (api: ApiClient, id: number) => api.get<RecordAction[]>(`${base(id)}/actions`);

export const fireLeadEvent = (api: ApiClient, lead: Pick<Lead, 'id' | 'version'>, type: string, payload?: Record<string, unknown>) =>
  api.post<FiredEvent>(`${base(lead.id)}/events`, payload === undefined ? { type } : { type, payload }, ifMatch(lead));

export const convertLead = (api: ApiClient, lead: Pick<Lead, 'id' | 'version'>, options: { createOpportunity: boolean }) =>
  api.post<LeadConversion>(`${base(lead.id)}/convert`, options, ifMatch(lead));

export const createLead = (api: ApiClient, lead: NewLead) => api.post<Lead>('/api/leads', lead);

