import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { customerForChildWrite } from '../customers/customer-for-child-write.ts';
import { contactDocument } from './contact-document.ts';
import { noSuchContact } from './contact-problems.ts';
import { Contact } from './contact.entity.ts';
import { auditContact } from './write-contact.ts';

/** Soft: the contact leaves the customer's list but stays in the database and its audit trail. */
export async function deleteContact(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  customerId: number,
  contactId: number,
  expectedVersion: number | undefined,
): Promise<void> {
  await runCommand(orm, origin, async (context) => {
    await customerForChildWrite(context.em, caller, customerId, true);
    const contact = await context.em.findOne(Contact, { id: contactId, customerId, deletedAt: null });
    if (contact === null) throw noSuchContact(contactId);
    if (expectedVersion !== undefined && contact.version !== expectedVersion) throw recordChangedSinceLoaded(contact.version);
    const before = contactDocument(contact);
    contact.deletedAt = context.now;
    contact.deletedBy = caller.user.id;
    contact.isPrimary = false;
    contact.updatedAt = context.now;
    await context.em.flush();
    auditContact(context, 'delete', before, contactDocument(contact), 'deleted');
  });
}
