import type { DefinitionKind } from '../../definitions/template-manifest.schema.ts';
import type { CatalogueEntityName, EntityName } from '../../definitions/entity.schema.ts';
import { factCatalogueSchema, type FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { FieldDefinitions } from '../../definitions/field-definitions.schema.ts';
import { leadConversionSchema } from '../../definitions/lead-conversion.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { roleSchema } from '../../definitions/role.schema.ts';
import { validateFieldDefinitions } from '../fields/validate-field-definitions.ts';
import { catalogueWithMachineStates } from '../machines/catalogue-with-machine-states.ts';
import { validateMachine } from '../machines/validate-machine.ts';
import { validateQueuePolicy } from '../policies/validate-queue-policy.ts';
import { validateRoutingPolicy } from '../policies/validate-routing-policy.ts';
import { validateRule } from '../rules/validate-rule.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../validation/schema-validator.ts';

export interface TemplateDefinition {
  kind: DefinitionKind;
  key: string;
  document: unknown;
}

const checkCatalogue = compileSchemaCheck(factCatalogueSchema);
const checkRole = compileSchemaCheck(roleSchema);
const checkLeadConversion = compileSchemaCheck(leadConversionSchema);

/**
 * Checks a template's definitions as one bundle — each against its own schema, and against the others it refers
 * to: machines and rules against their entity's catalogue (whose state fact follows the entity's machine), machines
 * against the template's fields and roles. Problem paths start at `/definitions/<index>`, the manifest's entry.
 */
export function validateTemplateDefinitions(definitions: readonly TemplateDefinition[]): Problem[] {
  const at = (index: number) => pointer('', 'definitions', index, 'document');
  const problems: Problem[] = [];
  const ofKind = (kind: DefinitionKind) =>
    definitions.flatMap((definition, index) => (definition.kind === kind ? [{ ...definition, index }] : []));

  const catalogues: Partial<Record<CatalogueEntityName, FactCatalogue>> = {};
  for (const { document, index } of ofKind('factCatalogue')) {
    const found = schemaProblems(checkCatalogue, document, at(index));
    problems.push(...found);
    if (found.length === 0) catalogues[(document as FactCatalogue).entity] = document as FactCatalogue;
  }
  const fields: Partial<Record<EntityName, FieldDefinitions['fields']>> = {};
  for (const { document, index } of ofKind('fieldDefinitions')) {
    const found = validateFieldDefinitions(document, at(index));
    problems.push(...found);
    if (found.length === 0) fields[(document as FieldDefinitions).entity] = (document as FieldDefinitions).fields;
  }
  const roles: string[] = [];
  for (const { document, key, index } of ofKind('role')) {
    const found = schemaProblems(checkRole, document, at(index));
    if (found.length === 0 && (document as { key: string }).key !== key) {
      found.push(problem(pointer(at(index), 'key'), 'template.keyMismatch', `The manifest lists this role as "${key}".`, `模板清单中此角色的键为“${key}”。`));
    }
    problems.push(...found);
    roles.push(key);
  }

  const catalogueOf = (entity: unknown, index: number): FactCatalogue | undefined => {
    const catalogue = catalogues[entity as EntityName];
    if (catalogue === undefined) {
      problems.push(
        problem(
          pointer(at(index), 'entity'),
          'template.missingCatalogue',
          `The template has no fact catalogue for ${String(entity)}.`,
          `模板中没有“${String(entity)}”的事实目录。`,
        ),
      );
    }
    return catalogue;
  };

  for (const { document, index } of ofKind('machine')) {
    const entity = (document as { entity?: unknown }).entity;
    const catalogue = catalogueOf(entity, index);
    if (catalogue === undefined) continue;
    // Guards, rules and policies see the stages this machine publishes, not the catalogue's defaults.
    const published = hasLabelledStates(document) ? catalogueWithMachineStates(catalogue, document as MachineDefinition) : catalogue;
    const found = validateMachine(document, { catalogue: published, fields: fields[entity as EntityName] ?? [], roles });
    problems.push(...found.map((p) => ({ ...p, path: at(index) + p.path })));
    catalogues[entity as EntityName] = published;
  }
  for (const { document, index } of ofKind('rule')) {
    const catalogue = catalogueOf((document as { entity?: unknown }).entity, index);
    if (catalogue !== undefined) problems.push(...validateRule(document, { catalogue, path: at(index) }));
  }
  for (const { document, index } of ofKind('routingPolicy')) {
    const catalogue = catalogueOf((document as { entity?: unknown }).entity, index);
    if (catalogue !== undefined) problems.push(...validateRoutingPolicy(document, { catalogue, path: at(index) }));
  }
  for (const { document, index } of ofKind('queuePolicy')) {
    problems.push(...validateQueuePolicy(document, { catalogues, path: at(index) }));
  }
  for (const { document, index } of ofKind('leadConversion')) {
    problems.push(...schemaProblems(checkLeadConversion, document, at(index)));
  }
  return problems;
}

function hasLabelledStates(document: unknown): boolean {
  const states = (document as { states?: unknown } | null)?.states;
  return (
    typeof states === 'object' &&
    states !== null &&
    Object.values(states).every((state) => typeof (state as { label?: unknown } | null)?.label === 'object')
  );
}
