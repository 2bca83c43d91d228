import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { validateCondition } from '../conditions/validate-condition.ts';
import { catalogueWithMachineStates } from './catalogue-with-machine-states.ts';

describe('the state fact follows the published machine', () => {
  it.each(Object.values(defaultMachines))('the default $entity catalogue already offers the states of $id', (machine) => {
    const catalogue = defaultFactCatalogues[machine.entity as keyof typeof defaultFactCatalogues];
    expect(catalogue.facts.filter((fact) => fact.machineState)).toHaveLength(1);
    expect(catalogueWithMachineStates(catalogue, machine)).toEqual(catalogue);
  });

  it('lets a condition name a stage an admin has just added, and refuses one that was removed', () => {
    const lifecycle = structuredClone(defaultMachines['customer-lifecycle']) as MachineDefinition;
    const { reserve, ...rest } = lifecycle.states;
    lifecycle.states = { ...rest, qualified: { ...reserve!, label: { en: 'Qualified', 'zh-CN': '已确认' } } };
    const catalogue = catalogueWithMachineStates(defaultFactCatalogues.customer, lifecycle);

    expect(validateCondition({ fact: 'stage', operator: 'equal', value: 'qualified' }, catalogue, '/guard')).toEqual([]);
    expect(validateCondition({ fact: 'stage', operator: 'equal', value: 'reserve' }, catalogue, '/guard')).toMatchObject([
      { path: '/guard/value' },
    ]);
  });

  it('refuses a machine of another entity', () => {
    expect(() => catalogueWithMachineStates(defaultFactCatalogues.order, defaultMachines['customer-lifecycle'])).toThrow(
      'The customer-lifecycle machine is for customer, not for the order catalogue.',
    );
  });
});
