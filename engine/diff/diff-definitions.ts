import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import type { DefinitionDiff } from './definition-change.ts';
import { diffMachines } from './diff-machines.ts';
import { diffRules } from './diff-rules.ts';

export type DiffableDefinition =
  | { kind: 'machine'; before: MachineDefinition; after: MachineDefinition }
  | { kind: 'rule'; before: Rule; after: Rule };

/**
 * The behavioural differences between two versions of a definition, for the designer's version diff and the API.
 * Machines also say which states disappear, so publishing can ask for (and `planMigration` can use) a state map.
 */
export function diffDefinitions(versions: DiffableDefinition): DefinitionDiff {
  if (versions.kind === 'machine') return diffMachines(versions.before, versions.after);
  return {
    changes: diffRules(versions.before, versions.after),
    migration: { disappearingStates: [], suggestedStateMap: {} },
  };
}

export type {
  ChangeKind,
  DefinitionChange,
  DefinitionDiff,
  MigrationHints,
  TransitionRef,
} from './definition-change.ts';
