import { describe, expect, it } from 'vitest';
import defaultMapping from '../../../definitions/defaults/lead-conversion.json' with { type: 'json' };
import type { LeadConversion } from '../../../definitions/lead-conversion.schema.ts';
import {
  addFact,
  addRow,
  fixedValueOfText,
  mappingRows,
  moveFact,
  removeFact,
  removeRow,
  replaceFact,
  retargetRow,
  unmappedTargets,
  withContact,
  withOpportunityCreate,
  withRowSource,
  withSourceKind,
  withStage,
} from './lead-conversion-edits.ts';

const mapping = () => structuredClone(defaultMapping) as LeadConversion;
const targets = (m: LeadConversion, section: 'customer' | 'contact' | 'opportunity') => mappingRows(m, section).map((row) => row.target);

describe('lead conversion edits', () => {
  it('lists a section’s rows in order with the pointer of each, custom fields after the built-in ones', () => {
    const withLevel = addRow(mapping(), 'customer', 'customFields.level', 'region');
    expect(mappingRows(withLevel, 'customer')).toEqual([
      { target: 'name', source: { from: ['company', 'name'] }, pointer: '/customer/fields/name' },
      { target: 'phone', source: { from: ['phone'] }, pointer: '/customer/fields/phone' },
      { target: 'customFields.level', source: { from: ['region'] }, pointer: '/customer/customFields/level' },
    ]);
    expect(withLevel.customer.customFields).toEqual({ level: { from: ['region'] } });
  });

  it('adds a row once per target, removes it, and leaves the mapping it came from alone', () => {
    const before = mapping();
    const after = addRow(before, 'contact', 'title', 'company');
    expect(targets(after, 'contact')).toEqual(['name', 'phone', 'email', 'title']);
    expect(addRow(after, 'contact', 'title', 'name')).toBe(after);
    expect(targets(before, 'contact')).toEqual(['name', 'phone', 'email']);
    expect(targets(removeRow(after, 'contact', 'phone'), 'contact')).toEqual(['name', 'email', 'title']);
    const withoutCustom = removeRow(addRow(before, 'customer', 'customFields.level', 'region'), 'customer', 'customFields.level');
    expect('customFields' in withoutCustom.customer).toBe(false);
  });

  it('retargets a row in place, but not onto a target another row maps', () => {
    const retargeted = retargetRow(mapping(), 'customer', 'phone', 'customFields.mainPhone');
    expect(mappingRows(retargeted, 'customer').map((row) => row.pointer)).toEqual(['/customer/fields/name', '/customer/customFields/mainPhone']);
    expect(retargeted.customer.customFields).toEqual({ mainPhone: { from: ['phone'] } });
    const clash = mapping();
    expect(retargetRow(clash, 'contact', 'phone', 'email')).toBe(clash);
  });

  it('orders the lead facts of a source: the first non-empty wins, so the lead’s name can come before the company', () => {
    const source = mappingRows(mapping(), 'customer')[0]!.source;
    expect(moveFact(source, 1, -1)).toEqual({ from: ['name', 'company'] });
    expect(moveFact(source, 0, -1)).toEqual(source);
    expect(moveFact(source, 1, 1)).toEqual(source);
    expect(addFact(source, 'email')).toEqual({ from: ['company', 'name', 'email'] });
    expect(replaceFact(source, 0, 'customFields.brand')).toEqual({ from: ['customFields.brand', 'name'] });
    // Emptied, the list stays empty so the draft's problem names it.
    expect(removeFact(removeFact(source, 0), 0)).toEqual({ from: [] });
    const moved = withRowSource(mapping(), 'customer', 'name', moveFact(source, 1, -1));
    expect(moved.customer.fields.name).toEqual({ from: ['name', 'company'] });
  });

  it('switches a source between lead facts and a fixed value, typed as a number only for a number target', () => {
    expect(withSourceKind({ from: ['name'] }, 'value', 'name')).toEqual({ value: '' });
    expect(withSourceKind({ value: 'x' }, 'from', 'company')).toEqual({ from: ['company'] });
    expect(withSourceKind({ value: 'x' }, 'value', 'company')).toEqual({ value: 'x' });
    expect(fixedValueOfText('5000', true)).toEqual({ value: 5000 });
    expect(fixedValueOfText('5000', false)).toEqual({ value: '5000' });
    expect(fixedValueOfText('lots', true)).toEqual({ value: 'lots' });
  });

  it('lists the targets not yet mapped, in the order offered', () => {
    expect(unmappedTargets(mapping(), 'contact', ['name', 'phone', 'email', 'title'])).toEqual(['title']);
    expect(unmappedTargets(mapping(), 'customer', ['name', 'phone', 'customFields.level'])).toEqual(['customFields.level']);
  });

  it('sets the start stage, the opportunity choice and whether a contact is created', () => {
    expect(withStage(mapping(), 'target').customer.stage).toBe('target');
    expect(withOpportunityCreate(mapping(), 'always').opportunity).toEqual({ create: 'always', fields: { name: { from: ['company', 'name'] } } });
    const { opportunity: _opportunity, ...bare } = mapping();
    expect(withOpportunityCreate(bare as LeadConversion, 'never').opportunity).toEqual({ create: 'never', fields: { name: { from: ['company', 'name'] } } });
    const noContact = withContact(mapping(), false);
    expect('contact' in noContact).toBe(false);
    expect(withContact(noContact, true).contact).toEqual({ fields: { name: { from: ['name'] } } });
  });
});
