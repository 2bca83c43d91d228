import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import { effectNames } from '../../definitions/effect-catalogue.schema.ts';
import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { transitionsOf } from './machine-parts.ts';
import { refusalCodes } from './refusal-reasons.ts';
import { contextFor, mondayMorning } from './testing/machine-test-context.ts';
import { timerEventType } from './timer-event.ts';
import { initialSnapshot, transition } from './transition.ts';

function factValue(fact: FactDefinition): fc.Arbitrary<unknown> {
  if (fact.source.kind === 'daysSince' || fact.type === 'datetime') {
    const daysAgo = (days: number) => new Date(mondayMorning.getTime() - days * 86_400_000).toISOString();
    return fc.integer({ min: 0, max: 400 }).map(daysAgo);
  }
  switch (fact.type) {
    case 'enum':
      return fc.constantFrom(...(fact.options ?? []).map((o) => o.value));
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.integer({ min: 0, max: 9_999 }).map(String));
    case 'date':
      return fc.constantFrom('2026-01-01', '2026-11-23', '2027-06-30');
    default:
      return fc.string({ maxLength: 6 });
  }
}

/** Rows with any mix of empty and filled facts, placed where the catalogue reads them. */
function factRows(catalogue: FactCatalogue): fc.Arbitrary<Record<string, unknown>> {
  const entries = catalogue.facts.map((fact) =>
    fc.option(factValue(fact), { nil: null }).map((value) => [fact, value] as const),
  );
  return fc.tuple(...entries).map((pairs) => {
    const row: Record<string, unknown> & { custom_fields: Record<string, unknown> } = { custom_fields: {} };
    for (const [fact, value] of pairs) {
      const source = fact.source;
      if (source.kind === 'customField') row.custom_fields[source.key] = value;
      else if (source.kind === 'column' || source.kind === 'daysSince') row[source.column] = value;
      else row[source.aggregateColumn] = value;
    }
    for (const field of ['industry', 'level', 'mainPhone']) row.custom_fields[field] ??= 'filled';
    return row;
  });
}

/** The machine's own events and timers, plus names it has never heard of. */
function eventTypes(definition: MachineDefinition): fc.Arbitrary<string> {
  const timers = transitionsOf(definition)
    .filter((t) => t.kind === 'after')
    .map((t) => timerEventType(definition.id, t.source, t.trigger));
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...Object.keys(definition.events)) },
    { weight: 2, arbitrary: fc.constantFrom(...timers, 'xstate.after.1d.elsewhere.new') },
    { weight: 1, arbitrary: fc.constantFrom('xstate.init', '*', 'UNHEARD_OF', '') },
  );
}

function steps(definition: MachineDefinition) {
  const catalogue = contextFor(definition).catalogue;
  return fc.array(
    fc.record({
      type: eventTypes(definition),
      roles: fc.subarray(['rep', 'manager', 'admin', 'system', 'guest']),
      facts: factRows(catalogue),
      hoursLater: fc.integer({ min: 0, max: 24 * 40 }),
    }),
    { maxLength: 25 },
  );
}

describe('random event sequences', () => {
  it.each(Object.entries(defaultMachines))(
    '%s never leaves its stages, emits only catalogued effects and refuses with known reasons',
    (_, definition) => {
      const stages = new Set(Object.keys(definition.states));
      fc.assert(
        fc.property(steps(definition), (sequence) => {
          let snapshot = initialSnapshot(definition, contextFor(definition)).snapshot;
          let now = mondayMorning.getTime();
          for (const step of sequence) {
            now += step.hoursLater * 3_600_000;
            const context = contextFor(definition, { roles: step.roles, facts: step.facts, now: new Date(now) });
            const result = transition(definition, snapshot, { type: step.type }, context);
            if (!result.ok) {
              expect(refusalCodes).toContain(result.reason.code);
              expect(result.trace.taken).toEqual([]);
              continue;
            }
            expect(stages.has(result.snapshot.value)).toBe(true);
            for (const effect of result.effects) expect(effectNames).toContain(effect.type);
            expect(result.trace.taken.length).toBeGreaterThan(0);
            snapshot = JSON.parse(JSON.stringify(result.snapshot));
          }
        }),
        { numRuns: 150 },
      );
    },
  );
});
