import { problem } from '../../engine/validation/problem.ts';
import { HttpProblem, notFound } from '../http/http-problem.ts';

export function noSuchContact(id: unknown): HttpProblem {
  return notFound({ en: `There is no contact ${String(id)} of this customer.`, 'zh-CN': `该客户没有编号为 ${String(id)} 的联系人。` });
}

/** Another live contact of the same customer has this phone number; the caller sees that customer, so name it. */
export function duplicateContactPhone(existing: { id: number; name: string | undefined }): HttpProblem {
  const label = existing.name === undefined ? `#${existing.id}` : `${existing.name} (#${existing.id})`;
  return new HttpProblem(
    409,
    'duplicate',
    { en: 'Duplicate contact', 'zh-CN': '联系人重复' },
    {
      en: `This customer already has a contact with this phone number: ${label}.`,
      'zh-CN': `该客户已有使用此电话号码的联系人：${label}。`,
    },
    [problem('/phone', 'contact.duplicatePhone', 'Another contact of this customer has this phone number.', '该客户的其他联系人已使用此电话号码。')],
  );
}

export function contactUniqueViolation(constraint: string): HttpProblem | undefined {
  if (constraint === 'contact_phone_per_customer_unique') return duplicateContactPhone({ id: 0, name: undefined });
  return undefined;
}
