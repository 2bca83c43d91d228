import type { ContactChannel, ContactOutcome, NewContactRecord } from '../api/contact-records.ts';
import { instantOfZonedLocal } from './zoned-time.ts';

/** How long before the follow-up the reminder pops; `none` sets no reminder. */
export const reminderChoices = ['none', 'atTime', '15m', '1h', '1d'] as const;
export type ReminderChoice = (typeof reminderChoices)[number];

const reminderLeadMs: Record<Exclude<ReminderChoice, 'none'>, number> = {
  atTime: 0,
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '1d': 24 * 60 * 60_000,
};

export interface ContactLogValues {
  channel: ContactChannel;
  outcome: ContactOutcome;
  notes: string;
  /** `YYYY-MM-DDTHH:mm` in the person's time zone, or '' for none. */
  nextFollowUp: string;
  reminder: ReminderChoice;
}

/** The form's fields, named as the API's JSON paths name them, so a problem lands by the right field. */
export const contactLogFields = ['channel', 'outcome', 'notes', 'nextFollowUpAt', 'reminderAt'] as const;
export type ContactLogField = (typeof contactLogFields)[number];

export const emptyContactLog: ContactLogValues = { channel: 'call', outcome: 'connected', notes: '', nextFollowUp: '', reminder: 'none' };

/**
 * The body of POST …/contact-records, or the field the form must fix first. The checks the server makes (a
 * follow-up before the contact, a reminder in the past) stay the server's; only what the form alone knows — a
 * reminder with no follow-up to count back from — is said here.
 */
export function contactRecordBody(
  values: ContactLogValues,
  timeZone: string,
): { body: NewContactRecord } | { problem: ContactLogField; message: 'contactLog.error.badDate' | 'contactLog.error.reminderNeedsFollowUp' } {
  const body: NewContactRecord = { channel: values.channel, outcome: values.outcome };
  if (values.notes.trim() !== '') body.notes = values.notes.trim();
  if (values.nextFollowUp !== '') {
    const followUp = instantOfZonedLocal(values.nextFollowUp, timeZone);
    if (followUp === undefined) return { problem: 'nextFollowUpAt', message: 'contactLog.error.badDate' };
    body.nextFollowUpAt = followUp.toISOString();
    if (values.reminder !== 'none') body.reminderAt = new Date(followUp.getTime() - reminderLeadMs[values.reminder]).toISOString();
  } else if (values.reminder !== 'none') {
    return { problem: 'reminderAt', message: 'contactLog.error.reminderNeedsFollowUp' };
  }
  return { body };
}
