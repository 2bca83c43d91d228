import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { shownNameFor } from '../customers/customer-access.ts';
import { visibleDocument } from '../customers/record-field-access.ts';
import { validationFailed } from '../http/http-problem.ts';
import type { UpdateContactBody } from './contact-bodies.schema.ts';
import { contactUniqueViolation, noSuchContact } from './contact-problems.ts';
import { prepareContactWrite } from './contact-write-checks.ts';
import { Contact } from './contact.entity.ts';
import type { ContactView } from './list-contacts.query.ts';
import { contactValueProblems, writeContact } from './write-contact.ts';

/** Changes a contact from the version the caller loaded (409 when stale). */
export async function updateContact(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  customerId: number,
  contactId: number,
  expectedVersion: number,
  body: UpdateContactBody,
): Promise<ContactView> {
  return runCommand(
    orm,
    origin,
    async (context) => {
      const { version: _version, ...input } = body;
      const { fields, access } = await prepareContactWrite(context, caller, customerId, input);
      const contact = await context.em.findOne(Contact, { id: contactId, customerId, deletedAt: null });
      if (contact === null) throw noSuchContact(contactId);
      if (contact.version !== expectedVersion) throw recordChangedSinceLoaded(contact.version);
      const problems = contactValueProblems(input, fields, contact);
      if (problems.length > 0) throw validationFailed(problems);
      return visibleDocument(await writeContact(context, customerId, input, fields, shownNameFor(access), contact), access);
    },
    contactUniqueViolation,
  );
}

