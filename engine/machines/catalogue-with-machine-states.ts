import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';

/**
 * The catalogue as conditions see it once `machine` is published: the fact marked `machineState` offers exactly the
 * machine's states, with their labels. An admin who adds a stage can then name it in rules and filters at once, and
 * a removed stage stops validating.
 */
export function catalogueWithMachineStates(catalogue: FactCatalogue, machine: MachineDefinition): FactCatalogue {
  if (catalogue.entity !== machine.entity) {
    throw new Error(`The ${machine.id} machine is for ${machine.entity}, not for the ${catalogue.entity} catalogue.`);
  }
  const options = Object.entries(machine.states).map(([value, state]) => ({ value, label: state.label }));
  return {
    ...catalogue,
    facts: catalogue.facts.map((fact) => (fact.machineState ? { ...fact, options } : fact)),
  };
}
