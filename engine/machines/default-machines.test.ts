import { describe, expect, it } from 'vitest';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import { effectNames } from '../../definitions/effect-catalogue.schema.ts';
import { defaultValidationDeps } from './testing/machine-test-context.ts';
import { walkMachine } from './testing/walk-machine.ts';
import { validateMachine } from './validate-machine.ts';

const machines = Object.entries(defaultMachines);

describe('default machine definitions', () => {
  it.each(machines)('%s passes validation against its entity’s catalogue, fields and the default roles', (_, definition) => {
    expect(validateMachine(definition, defaultValidationDeps(definition))).toEqual([]);
  });

  it.each(machines)('%s labels every stage, event and transition in English and Chinese', (_, definition) => {
    const labels = [
      definition.label,
      ...Object.values(definition.events).map((e) => e.label),
      ...Object.values(definition.states).map((s) => s.label),
    ];
    for (const label of labels) {
      expect(label.en.trim()).not.toBe('');
      expect(label['zh-CN']).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('walking every path of the default machines', () => {
  it.each(machines)('%s takes every transition from some reachable stage', (_, definition) => {
    const walk = walkMachine(definition);
    expect(walk.neverTaken).toEqual([]);
  });

  it.each(machines)('%s accepts every transition its flags allow, landing on the transition’s target', (_, definition) => {
    const walk = walkMachine(definition);
    for (const step of walk.steps) {
      const where = `${step.transition.path} from ${JSON.stringify(step.from.flags)}`;
      expect(step.result.ok ? 'taken' : step.result.reason.message.en, where).toBe('taken');
      if (!step.result.ok) continue;
      expect(step.result.trace.taken[0], where).toBe(step.transition.path);
      expect(step.result.snapshot.value, where).toBe(step.transition.transition.target ?? step.from.value);
    }
  });

  it.each(machines)('%s reaches every stage it declares', (_, definition) => {
    const reached = new Set(walkMachine(definition).configurations.map((s) => s.value));
    expect([...reached].sort()).toEqual(Object.keys(definition.states).sort());
  });

  it.each(machines)('%s only ever emits effects of the catalogue', (_, definition) => {
    for (const step of walkMachine(definition).steps) {
      for (const effect of step.result.ok ? step.result.effects : []) expect(effectNames).toContain(effect.type);
    }
  });
});
