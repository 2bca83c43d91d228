import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { publishedFields } from '../customers/published-definitions.ts';
import { visibleDocument } from '../customers/record-field-access.ts';
import { contactAccessOf } from './contact-access.ts';
import { contactDocument, type ContactDocument } from './contact-document.ts';
import { Contact } from './contact.entity.ts';

export type ContactView = Partial<ContactDocument> & Pick<ContactDocument, 'id' | 'version'>;

/** A visible customer's live contacts, primary first, masked for the caller; undefined when the customer is not visible. */
export async function listContacts(orm: MikroORM, caller: SignedIn, customerId: number): Promise<ContactView[] | undefined> {
  const em = orm.em.fork();
  if ((await visibleCustomer(em, customerScopeOf(caller), customerId, 'live')) === undefined) return undefined;
  const access = contactAccessOf(caller.role, await publishedFields(em, 'contact'));
  const contacts = await em.find(Contact, { customerId, deletedAt: null }, { orderBy: { isPrimary: 'desc', id: 'asc' } });
  return contacts.map((contact) => visibleDocument(contactDocument(contact), access));
}
