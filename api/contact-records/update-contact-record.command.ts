import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerForChildWrite } from '../customers/customer-for-child-write.ts';
import { setCustomerActivity } from '../customers/customer-activity.ts';
import { validationFailed } from '../http/http-problem.ts';
import { cancelContactReminder, scheduleContactReminder } from '../timers/reminder-timers.ts';
import type { UpdateContactRecordBody } from './contact-record-bodies.schema.ts';
import { contactRecordDocument, contactRecordEditWindowMs, type ContactRecordDocument } from './contact-record-document.ts';
import { contactTimeProblems, noSuchContactRecord, notTheAuthor, pastEditWindow } from './contact-record-problems.ts';
import { ContactRecord } from './contact-record.entity.ts';

/**
 * Lets the author correct a contact record for 24 hours after logging it (a manager reviewing calls reads what was
 * said then). A new follow-up date moves the customer's too, when this is its latest contact record.
 */
export async function updateContactRecord(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  customerId: number,
  recordId: number,
  expectedVersion: number,
  body: UpdateContactRecordBody,
): Promise<ContactRecordDocument> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const customer = await customerForChildWrite(em, caller, customerId, false);
    const record = await em.findOne(ContactRecord, { id: recordId, customerId });
    if (record === null) throw noSuchContactRecord(recordId);
    if (record.authorId !== caller.user.id) throw notTheAuthor();
    if (context.now.getTime() - record.createdAt.getTime() > contactRecordEditWindowMs) {
      throw pastEditWindow(new Date(record.createdAt.getTime() + contactRecordEditWindowMs).toISOString());
    }
    if (record.version !== expectedVersion) throw recordChangedSinceLoaded(record.version);
    const nextFollowUpAt = body.nextFollowUpAt == null ? body.nextFollowUpAt : new Date(body.nextFollowUpAt);
    const reminderAt = body.reminderAt == null ? body.reminderAt : new Date(body.reminderAt);
    const problems = contactTimeProblems({ now: context.now, occurredAt: record.occurredAt, nextFollowUpAt, reminderAt });
    if (problems.length > 0) throw validationFailed(problems);

    const before = contactRecordDocument(record);
    if (body.outcome !== undefined) record.outcome = body.outcome;
    if (body.notes !== undefined) record.notes = body.notes;
    if (nextFollowUpAt !== undefined) record.nextFollowUpAt = nextFollowUpAt;
    if (reminderAt !== undefined) record.reminderAt = reminderAt;
    record.updatedAt = context.now;
    await em.flush();
    const after = contactRecordDocument(record);

    const latest = await em.findOne(ContactRecord, { customerId }, { orderBy: { occurredAt: 'desc', id: 'desc' } });
    if (nextFollowUpAt !== undefined && latest?.id === record.id) {
      await setCustomerActivity(em, customer.id, { nextFollowUpAt });
    }
    context.audit({
      entity: 'contact_record',
      recordId: record.id,
      customerId,
      action: 'update',
      before: { ...before },
      after: { ...after },
      why: { kind: 'reason', code: 'edit' },
    });
    if (reminderAt === null && before.reminderAt !== null) await cancelContactReminder(context, record.id);
    if (reminderAt != null && reminderAt.getTime() !== new Date(before.reminderAt ?? 0).getTime()) {
      await scheduleContactReminder(context, {
        contactRecordId: record.id,
        customerId,
        authorId: record.authorId,
        at: reminderAt,
        channel: record.channel,
        outcome: record.outcome,
        notes: record.notes,
      });
    }
    return after;
  });
}
