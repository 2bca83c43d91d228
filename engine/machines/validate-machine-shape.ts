import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { machineDefinitionSchema } from '../../definitions/machine.schema.ts';
import { validateCondition } from '../conditions/index.ts';
import { validateEffects } from '../effects/validate-effects.ts';
import { pointer, type Problem } from '../validation/problem.ts';
import { mergeDelegatedProblems, type DelegatedPart } from '../validation/delegated-problems.ts';
import { compileSchemaCheck, schemaProblems } from '../validation/schema-validator.ts';

const checkMachineShape = compileSchemaCheck(machineDefinitionSchema);

type Subtree = { kind: 'guard' | 'effects'; path: string; value: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function transitionSubtrees(value: unknown, path: string): Subtree[] {
  const items: Array<[unknown, string]> = Array.isArray(value)
    ? value.map((t, i) => [t, pointer(path, i)])
    : [[value, path]];
  return items.flatMap(([t, at]) => {
    if (!isObject(t)) return [];
    const found: Subtree[] = [];
    if ('guard' in t) found.push({ kind: 'guard', path: pointer(at, 'guard'), value: t['guard'] });
    if ('actions' in t) found.push({ kind: 'effects', path: pointer(at, 'actions'), value: t['actions'] });
    return found;
  });
}

/** Guards and effect lists wherever they sit, found without trusting the rest of the document's shape. */
function subtreesOf(definition: unknown): Subtree[] {
  const states = isObject(definition) ? definition['states'] : undefined;
  if (!isObject(states)) return [];
  return Object.entries(states).flatMap(([key, state]) => {
    if (!isObject(state)) return [];
    const base = pointer('/states', key);
    const found: Subtree[] = [];
    for (const part of ['entry', 'exit'] as const) {
      if (part in state) found.push({ kind: 'effects', path: pointer(base, part), value: state[part] });
    }
    for (const part of ['on', 'after'] as const) {
      const map = state[part];
      if (!isObject(map)) continue;
      for (const [name, value] of Object.entries(map)) {
        found.push(...transitionSubtrees(value, pointer(base, part, name)));
      }
    }
    if ('always' in state) found.push(...transitionSubtrees(state['always'], pointer(base, 'always')));
    return found;
  });
}

const isUnder = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

export interface MachineShapeProblems {
  /** The document's own structure: stages, transitions, labels, keys. */
  structure: Problem[];
  /** Inside guards and effect lists, judged by the conditions and effects validators. */
  guardsAndEffects: Problem[];
}

/**
 * The schema's verdict, except that guards and effect lists are judged by their own validators: they know the fact
 * catalogue and the effect catalogue and name the fact or effect at fault, where the machine schema could only say
 * that a guard "matches no allowed form".
 */
export function machineShapeProblems(definition: unknown, catalogue: FactCatalogue): MachineShapeProblems {
  const parts: DelegatedPart[] = subtreesOf(definition).map(({ kind, path, value }) => ({
    path,
    value,
    validate: kind === 'guard' ? (guard, at) => validateCondition(guard, catalogue, at) : validateEffects,
  }));
  const schema = schemaProblems(checkMachineShape, definition, '');
  const problems = mergeDelegatedProblems(schema, parts);
  const inPart = (p: Problem) => parts.some((part) => isUnder(p.path, part.path));
  return { structure: problems.filter((p) => !inPart(p)), guardsAndEffects: problems.filter(inPart) };
}
