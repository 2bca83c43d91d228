import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { route } from '../http/route-operation.ts';
import { versionRequired } from '../users/user-problems.ts';
import { noSuchContact } from './contact-problems.ts';
import { createContactOperation, deleteContactOperation, listContactsOperation, updateContactOperation } from './contacts.operations.ts';
import { createContact } from './create-contact.command.ts';
import { deleteContact } from './delete-contact.command.ts';
import { listContacts } from './list-contacts.query.ts';
import { updateContact } from './update-contact.command.ts';

/** A customer's contacts: whoever sees the customer sees them; whoever may edit the customer may change them. */
export function contactsRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const customerId = (raw: string) => recordId(raw, noSuchCustomer);
  const contactId = (raw: string) => recordId(raw, noSuchContact);

  route(router, listContactsOperation, signedIn, async ({ params }, _request, response) => {
    const id = customerId(params.id);
    const contacts = await listContacts(orm, signedInOf(response), id);
    if (contacts === undefined) throw noSuchCustomer(id);
    response.json(contacts);
  });

  route(router, createContactOperation, signedIn, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    const contact = await createContact(orm, requestOrigin(request, response), signedInOf(response), id, body);
    response.status(201).location(`/api/customers/${id}/contacts/${contact.id}`).set('ETag', `"${contact.version}"`).json(contact);
  });

  route(router, updateContactOperation, signedIn, async ({ params, body }, request, response) => {
    const version = expectedVersion(request, body.version);
    if (version === undefined) throw versionRequired();
    const origin = requestOrigin(request, response);
    const contact = await updateContact(orm, origin, signedInOf(response), customerId(params.id), contactId(params.contactId), version, body);
    response.set('ETag', `"${contact.version}"`).json(contact);
  });

  route(router, deleteContactOperation, signedIn, async ({ params }, request, response) => {
    const origin = requestOrigin(request, response);
    await deleteContact(orm, origin, signedInOf(response), customerId(params.id), contactId(params.contactId), expectedVersion(request, undefined));
    response.status(204).end();
  });

  return router;
}
