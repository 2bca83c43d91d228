import type { Customer, CustomerChanges } from '../api/customers.ts';

/** The editable details, named as the API's JSON paths name them so a problem lands by its field. */
export const customerFormFields = ['name', 'phone', 'keywords', 'contractEndsOn'] as const;
export type CustomerFormField = (typeof customerFormFields)[number];
export type CustomerFormValues = Record<CustomerFormField, string>;

export function formValuesOf(customer: Customer): CustomerFormValues {
  return {
    name: customer.name ?? '',
    phone: customer.phone ?? '',
    keywords: (customer.keywords ?? []).filter((keyword): keyword is string => keyword !== null).join(', '),
    contractEndsOn: customer.contractEndsOn ?? '',
  };
}

const keywordList = (text: string) =>
  text
    .split(/[,，、]/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');

/**
 * Only what the rep changed: a field left as loaded is not sent, so a masked phone (138****5678) or a field the
 * stage does not let the role edit is never written back by accident.
 */
export function customerChanges(customer: Customer, values: CustomerFormValues): CustomerChanges {
  const before = formValuesOf(customer);
  const changes: CustomerChanges = {};
  if (values.name !== before.name) changes.name = values.name.trim();
  if (values.phone !== before.phone) changes.phone = values.phone.trim() === '' ? null : values.phone.trim();
  if (keywordList(values.keywords).join('\n') !== keywordList(before.keywords).join('\n')) changes.keywords = keywordList(values.keywords);
  if (values.contractEndsOn !== before.contractEndsOn) changes.contractEndsOn = values.contractEndsOn === '' ? null : values.contractEndsOn;
  return changes;
}
