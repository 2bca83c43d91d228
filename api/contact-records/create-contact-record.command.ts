import type { MikroORM } from '@mikro-orm/postgresql';
import { problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { Contact } from '../contacts/contact.entity.ts';
import { customerForChildWrite } from '../customers/customer-for-child-write.ts';
import { validationFailed } from '../http/http-problem.ts';
import type { CreateContactRecordBody } from './contact-record-bodies.schema.ts';
import type { ContactRecordDocument } from './contact-record-document.ts';
import { contactTimeProblems } from './contact-record-problems.ts';
import { logContact, type ContactLoggedHook } from './log-contact.ts';

const dateOf = (text: string | null | undefined) => (text == null ? (text as null | undefined) : new Date(text));

/**
 * Logs a call, visit, email, SMS or WeChat exchange with a customer the caller sees — pool customers included: a
 * rep may contact a shared customer without claiming it first. The caller is its author.
 */
export async function createContactRecord(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  customerId: number,
  body: CreateContactRecordBody,
  onContactLogged?: ContactLoggedHook,
): Promise<ContactRecordDocument> {
  return runCommand(orm, origin, async (context) => {
    const customer = await customerForChildWrite(context.em, caller, customerId, false);
    const occurredAt = dateOf(body.occurredAt) ?? context.now;
    const nextFollowUpAt = dateOf(body.nextFollowUpAt);
    const reminderAt = dateOf(body.reminderAt) ?? null;
    const problems = contactTimeProblems({ now: context.now, occurredAt, nextFollowUpAt, reminderAt });
    const contactId = body.contactId ?? null;
    if (contactId !== null && (await context.em.count(Contact, { id: contactId, customerId, deletedAt: null })) === 0) {
      problems.push(problem('/contactId', 'contactRecord.unknownContact', `This customer has no contact ${contactId}.`, `该客户没有编号为 ${contactId} 的联系人。`));
    }
    if (problems.length > 0) throw validationFailed(problems);
    return logContact(
      context,
      customer,
      {
        channel: body.channel,
        outcome: body.outcome,
        notes: body.notes ?? '',
        occurredAt,
        contactId,
        ...(nextFollowUpAt === undefined ? {} : { nextFollowUpAt }),
        reminderAt,
        authorId: caller.user.id,
      },
      onContactLogged,
    );
  });
}
