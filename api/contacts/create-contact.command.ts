import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { shownNameFor } from '../customers/customer-access.ts';
import { visibleDocument } from '../customers/record-field-access.ts';
import { validationFailed } from '../http/http-problem.ts';
import type { CreateContactBody } from './contact-bodies.schema.ts';
import { contactUniqueViolation } from './contact-problems.ts';
import { prepareContactWrite } from './contact-write-checks.ts';
import type { ContactView } from './list-contacts.query.ts';
import { contactValueProblems, writeContact } from './write-contact.ts';

/** Adds a contact to a customer the caller may edit; a phone another of its contacts has is refused (409). */
export async function createContact(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, customerId: number, body: CreateContactBody): Promise<ContactView> {
  return runCommand(
    orm,
    origin,
    async (context) => {
      const { fields, access } = await prepareContactWrite(context, caller, customerId, body);
      const problems = contactValueProblems(body, fields);
      if (problems.length > 0) throw validationFailed(problems);
      return visibleDocument(await writeContact(context, customerId, body, fields, shownNameFor(access)), access);
    },
    contactUniqueViolation,
  );
}

