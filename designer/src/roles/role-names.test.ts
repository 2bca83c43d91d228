import { describe, expect, it } from 'vitest';
import { systemRole, type MachineDefinition } from '../../../definitions/machine.schema.ts';
import { roleNames } from './role-names.ts';

const machine = {
  id: 'm',
  entity: 'customer',
  version: 1,
  initial: 'a',
  events: { GO: { label: { en: 'Go', 'zh-CN': '前进' } } },
  states: {
    a: { label: { en: 'A', 'zh-CN': '甲' }, permissions: { rep: ['view'], [systemRole]: ['view'] }, on: { GO: { target: 'b', roles: ['auditor'] } } },
    b: { label: { en: 'B', 'zh-CN': '乙' }, permissions: { ghost: ['view'] } },
  },
} as unknown as MachineDefinition;

const tenant = [
  { key: 'admin', labels: { en: 'Administrator', 'zh-CN': '管理员' } },
  { key: 'rep', labels: { en: 'Sales rep', 'zh-CN': '业务员' } },
];

describe('roleNames', () => {
  it('offers the tenant’s roles by their labels, then the other roles the machine names by their keys', () => {
    const names = roleNames(machine, tenant, 'zh-CN');
    expect(names.keys).toEqual(['admin', 'rep', 'ghost', 'auditor']);
    expect(names.keys.map(names.label)).toEqual(['管理员', '业务员', 'ghost', 'auditor']);
    expect(roleNames(machine, tenant, 'en').label('rep')).toBe('Sales rep');
  });

  it('offers the generic three by key until the tenant’s roles are known', () => {
    expect(roleNames(machine, undefined, 'en').keys).toEqual(['rep', 'manager', 'admin', 'ghost', 'auditor']);
  });
});
