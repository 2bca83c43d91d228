import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { ContactRecord } from './customers.ts';

/** The channels and outcomes the API takes (api/contact-records/contact-channels.ts). */
export const contactChannels = ['call', 'visit', 'email', 'sms', 'wechat'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const contactOutcomes = [
  'connected', 'interested', 'notInterested', 'callbackRequested', 'quoted', 'noAnswer', 'busy', 'poweredOff',
  'unallocated', 'wrongNumber', 'sent', 'replied', 'visited', 'other',
] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

/** POST /api/customers/:id/contact-records */
export interface NewContactRecord {
  channel: ContactChannel;
  outcome: ContactOutcome;
  notes?: string;
  nextFollowUpAt?: string | null;
  reminderAt?: string | null;
}

export const logContact = (api: ApiClient, customerId: number, record: NewContactRecord) =>
  api.post<ContactRecord>(`/api/customers/${customerId}/contact-records`, record);
