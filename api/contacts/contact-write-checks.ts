import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { customerForChildWrite } from '../customers/customer-for-child-write.ts';
import { fieldsNotWritable } from '../customers/customer-problems.ts';
import { publishedFields } from '../customers/published-definitions.ts';
import { writeDeniedProblems } from '../customers/record-field-access.ts';
import { contactAccessOf, contactColumnFields } from './contact-access.ts';
import type { ContactInput } from './write-contact.ts';

const columnKeys = ['name', 'title', 'phone', 'email', 'wechat', 'isPrimary'] as const;

/**
 * The checks every contact write makes, in order: the customer is visible (404) and editable by the caller (403 for
 * a pool customer without mayEditShared), each field sent is writable for their role (403), the values are valid (400).
 */
export async function prepareContactWrite(context: CommandContext, caller: SignedIn, customerId: number, input: ContactInput) {
  await customerForChildWrite(context.em, caller, customerId, true);
  const fields = await publishedFields(context.em, 'contact');
  const access = contactAccessOf(caller.role, fields);
  const denied = writeDeniedProblems(
    access,
    caller.role,
    { columns: contactColumnFields, fields },
    { columns: columnKeys.filter((key) => input[key] !== undefined), custom: Object.keys(input.customFields ?? {}), customBase: '/customFields' },
  );
  if (denied.length > 0) throw fieldsNotWritable(denied);
  return { fields, access };
}

