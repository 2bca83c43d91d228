import { describe, expect, it } from 'vitest';
import type { Customer } from '../api/customers.ts';
import { customerChanges, formValuesOf } from './customer-form.ts';

const customer: Customer = {
  id: 5,
  name: '永康五金',
  phone: '138****5678',
  keywords: ['五金', '永康'],
  stage: 'target',
  flags: {},
  definition: { key: 'customer-lifecycle', version: 1 },
  ownership: 'personal',
  ownerId: 2,
  owners: [],
  customFields: {},
  contractEndsOn: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 3,
};

describe('the changes a customer form sends', () => {
  it('sends nothing for an untouched form, so a masked phone is never written back', () => {
    expect(customerChanges(customer, formValuesOf(customer))).toEqual({});
  });

  it('sends only the fields changed, an emptied one as null', () => {
    const values = { ...formValuesOf(customer), phone: '', contractEndsOn: '2027-06-30' };
    expect(customerChanges(customer, values)).toEqual({ phone: null, contractEndsOn: '2027-06-30' });
  });

  it('reads keywords split by English or Chinese commas and ignores spacing', () => {
    expect(customerChanges(customer, { ...formValuesOf(customer), keywords: '五金 ，永康' })).toEqual({});
    expect(customerChanges(customer, { ...formValuesOf(customer), keywords: '五金、永康、锁具' })).toEqual({ keywords: ['五金', '永康', '锁具'] });
  });
});
