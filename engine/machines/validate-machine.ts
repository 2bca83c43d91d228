import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { problem, type Problem } from '../validation/problem.ts';
import { machineGraphProblems } from './validate-machine-graph.ts';
import { machineReferenceProblems } from './validate-machine-references.ts';
import { machineShapeProblems } from './validate-machine-shape.ts';

export interface MachineValidationDeps {
  /** The fact catalogue of the machine's entity: guards are checked against it, its columns count as fields. */
  catalogue: FactCatalogue;
  /** The entity's custom fields; when given, required and editable fields must name one of them or a column. */
  fields?: readonly FieldDefinition[];
  /** Role keys of the tenant; when given, roles named in transitions and permissions must be among them. */
  roles?: readonly string[];
}

/** Field keys a record of the entity has: catalogued columns and custom fields. Unknown without the field list. */
function fieldKeysOf(catalogue: FactCatalogue, fields: readonly FieldDefinition[] | undefined): string[] | undefined {
  if (fields === undefined) return undefined;
  const fromCatalogue = catalogue.facts.flatMap((fact) =>
    fact.source.kind === 'column' ? [fact.source.column] : fact.source.kind === 'customField' ? [fact.source.key] : [],
  );
  return [...fromCatalogue, ...fields.map((field) => field.key)];
}

function entityProblems(definition: MachineDefinition, catalogue: FactCatalogue): Problem[] {
  if (definition.entity === catalogue.entity) return [];
  return [
    problem(
      '/entity',
      'machine.catalogueMismatch',
      `The machine is for ${definition.entity} records but was checked against the ${catalogue.entity} fact catalogue.`,
      `该状态机用于 ${definition.entity} 记录，却使用了 ${catalogue.entity} 的事实目录进行校验。`,
    ),
  ];
}

/**
 * Everything wrong with a machine definition, as Problems with JSON Pointers and en/zh-CN messages; empty when it
 * may be published. The structure comes first (ajv); guards and effects are judged by their own validators; the
 * graph and the names it borrows are checked once the structure is sound, where every path means what it says.
 */
export function validateMachine(definition: unknown, deps: MachineValidationDeps): Problem[] {
  const { structure, guardsAndEffects } = machineShapeProblems(definition, deps.catalogue);
  if (structure.length > 0) return [...structure, ...guardsAndEffects];
  const machine = definition as MachineDefinition;
  return [
    ...guardsAndEffects,
    ...entityProblems(machine, deps.catalogue),
    ...machineGraphProblems(machine),
    ...machineReferenceProblems(machine, { fields: fieldKeysOf(deps.catalogue, deps.fields), roles: deps.roles }),
  ];
}
