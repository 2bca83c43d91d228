import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { recordOwnership } from '../notifications/notification-recipients.ts';
import { notifyPeople } from '../notifications/notify-people.ts';
import { cancelTimers, scheduleTimer } from './due-timers.ts';

/** Why a reminder was set: a contact record's `reminderAt`, or a machine's scheduleFollowUp effect. */
export type ReminderDetails =
  | { reason: 'contactRecord'; contactRecordId: number; channel: string; outcome: string; notes: string }
  | { reason: 'followUp'; followUpAt: string; channel: string | null; note: LocalizedText | null };

export function contactReminderKey(contactRecordId: number): string {
  return `contact_record:${contactRecordId}:reminder`;
}

/**
 * Arms (or moves) the reminder of a contact record: one per record, so a corrected `reminderAt` moves it rather than
 * adding a second, and moving it after it fired arms it again.
 */
export async function scheduleContactReminder(
  context: CommandContext,
  reminder: { contactRecordId: number; customerId: number; authorId: number; at: Date; channel: string; outcome: string; notes: string },
): Promise<void> {
  const details: ReminderDetails = {
    reason: 'contactRecord',
    contactRecordId: reminder.contactRecordId,
    channel: reminder.channel,
    outcome: reminder.outcome,
    notes: reminder.notes,
  };
  await scheduleTimer(
    context,
    {
      key: contactReminderKey(reminder.contactRecordId),
      kind: 'reminder',
      entity: 'customer',
      recordId: reminder.customerId,
      customerId: reminder.customerId,
      userId: reminder.authorId,
      details,
      dueAt: reminder.at,
    },
    { reschedule: true },
  );
}

/** The author cleared the reminder: it will not fire (one that already fired stays in the history as fired). */
export async function cancelContactReminder(context: CommandContext, contactRecordId: number): Promise<void> {
  await cancelTimers(context, [contactReminderKey(contactRecordId)], { code: 'reminderCleared' });
}

/** A due reminder timer as the scheduler hands it over. */
export interface DueReminder {
  id: number;
  entity: string;
  recordId: number;
  userId: number | null;
  details: ReminderDetails;
}

function reminderTitle(details: ReminderDetails, label: string | null): LocalizedText {
  const name = label ?? '—';
  return details.reason === 'contactRecord'
    ? { en: `Follow up with ${name} now`, 'zh-CN': `现在该跟进 ${name} 了` }
    : { en: `Follow-up due: ${name}`, 'zh-CN': `跟进到期：${name}` };
}

function reminderBody(details: ReminderDetails): LocalizedText | null {
  if (details.reason === 'followUp') return details.note;
  const notes = details.notes.trim();
  return notes === '' ? null : { en: notes, 'zh-CN': notes };
}

/**
 * Fires a reminder: a notification for the record's owners — its owner and the customer's collaborators, who work it
 * now — or, for a record nobody owns (a pool customer), the person who asked for it. The timer id is the source key,
 * so the notification is written once even if the timer's transaction is retried. False: the record is gone.
 */
export async function fireReminder(context: CommandContext, reminder: DueReminder): Promise<boolean> {
  const ownership = await recordOwnership(context.em, reminder.entity, reminder.recordId);
  if (ownership.customerId === null) return false;
  const owners = ownership.owner === null ? [] : [ownership.owner, ...ownership.collaborators];
  const userIds = owners.length > 0 ? owners : reminder.userId === null ? [] : [reminder.userId];
  await notifyPeople(context, {
    userIds,
    kind: 'reminder',
    title: reminderTitle(reminder.details, ownership.label),
    body: reminderBody(reminder.details),
    severity: 'warning',
    popup: true,
    link: { entity: reminder.entity, recordId: reminder.recordId, customerId: ownership.customerId },
    sourceKey: `timer:${reminder.id}`,
  });
  return true;
}
