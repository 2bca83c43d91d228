import type { DuplicateMatch, NewCustomerBody } from '../api/customers.ts';
import type { CustomField } from '../api/fields.ts';
import { customFieldChanges, type CustomFieldInput } from '../customer/custom-fields.ts';

export interface NewCustomerValues {
  name: string;
  phone: string;
  keywords: string;
  /** '' for the machine's initial stage. */
  stage: string;
  ownership: 'personal' | 'pool';
  custom: Record<string, CustomFieldInput>;
}

/** Keywords as people type them: separated by commas (either width) or 、, blanks dropped. */
export const keywordsOf = (text: string) =>
  text
    .split(/[,，、]/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');

/** The request body: trimmed values, empty ones left out so the server's defaults apply. */
export function newCustomerBody(values: NewCustomerValues, fields: readonly CustomField[]): NewCustomerBody {
  const body: NewCustomerBody = { name: values.name.trim(), ownership: values.ownership };
  if (values.phone.trim() !== '') body.phone = values.phone.trim();
  const keywords = keywordsOf(values.keywords);
  if (keywords.length > 0) body.keywords = keywords;
  if (values.stage !== '') body.stage = values.stage;
  const custom = Object.fromEntries(Object.entries(customFieldChanges(fields, {}, values.custom)).filter(([, value]) => value !== null));
  if (Object.keys(custom).length > 0) body.customFields = custom;
  return body;
}

export interface DuplicateNote {
  field: 'name' | 'phone' | 'keywords';
  /** The existing customer, when the person may see it; otherwise only that one exists. */
  customer: { id: number; name?: string } | null;
  keyword?: string;
}

/** The duplicate check's matches as notes under the fields they concern, first entered first. */
export function duplicateNotes(matches: readonly DuplicateMatch[]): DuplicateNote[] {
  return matches.flatMap((match) => [
    ...(match.name ? [{ field: 'name' as const, customer: match.customer }] : []),
    ...(match.phone ? [{ field: 'phone' as const, customer: match.customer }] : []),
    ...match.keywords.map((keyword) => ({ field: 'keywords' as const, customer: match.customer, keyword })),
  ]);
}
