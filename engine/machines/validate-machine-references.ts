import type { StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import { stagePermissions, systemRole, type MachineDefinition } from '../../definitions/machine.schema.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';
import { transitionsOf } from './machine-parts.ts';

/** What the definition's names are checked against; a list left out is not checked. */
export interface MachineReferences {
  roles: readonly string[] | undefined;
  /** Field keys a record of the entity has: built-in columns and custom fields. */
  fields: readonly string[] | undefined;
}

function unknownRole(path: string, role: string, roles: readonly string[]): Problem {
  return problem(
    path,
    'machine.unknownRole',
    `"${role}" is not a role; use one of ${[...roles, systemRole].join(', ')}.`,
    `“${role}”不是已有的角色，可选：${[...roles, systemRole].join('、')}。`,
  );
}

function unknownPermission(path: string, permission: string): Problem {
  return problem(
    path,
    'machine.unknownPermission',
    `"${permission}" is not a stage permission; use one of ${stagePermissions.join(', ')}.`,
    `“${permission}”不是阶段权限，可选：${stagePermissions.join('、')}。`,
  );
}

function unknownField(path: string, field: string): Problem {
  return problem(path, 'machine.unknownField', `No field "${field}" is defined.`, `未定义字段“${field}”。`);
}

const isPermission = (name: string) => (stagePermissions as readonly string[]).includes(name);

function roleProblems(definition: MachineDefinition, roles: readonly string[] | undefined): Problem[] {
  if (roles === undefined) return [];
  const known = new Set([...roles, systemRole]);
  const problems: Problem[] = [];
  for (const { path, event } of transitionsOf(definition)) {
    event?.roles?.forEach((role, i) => {
      if (!known.has(role)) problems.push(unknownRole(pointer(path, 'roles', i), role, roles));
    });
  }
  for (const [key, state] of Object.entries(definition.states)) {
    for (const role of Object.keys(state.permissions ?? {})) {
      if (!known.has(role)) problems.push(unknownRole(pointer('/states', key, 'permissions', role), role, roles));
    }
  }
  return problems;
}

function permissionProblems(definition: MachineDefinition): Problem[] {
  const problems: Problem[] = [];
  for (const [key, state] of Object.entries(definition.states)) {
    for (const [role, granted] of Object.entries(state.permissions ?? {})) {
      granted.forEach((permission, i) => {
        if (!isPermission(permission)) {
          problems.push(unknownPermission(pointer('/states', key, 'permissions', role, i), permission));
        }
      });
    }
  }
  for (const { path, event } of transitionsOf(definition)) {
    const permission = event?.permission;
    if (permission !== undefined && !isPermission(permission)) {
      problems.push(unknownPermission(pointer(path, 'permission'), permission));
    }
  }
  return problems;
}

function fieldProblems(definition: MachineDefinition, fields: readonly string[] | undefined): Problem[] {
  if (fields === undefined) return [];
  const known = new Set(fields);
  const problems: Problem[] = [];
  for (const { path, event } of transitionsOf(definition)) {
    event?.requiredFields?.forEach((field, i) => {
      if (!known.has(field)) problems.push(unknownField(pointer(path, 'requiredFields', i), field));
    });
  }
  for (const [key, state] of Object.entries(definition.states)) {
    state.editableFields?.forEach((field, i) => {
      if (!known.has(field)) problems.push(unknownField(pointer('/states', key, 'editableFields', i), field));
    });
  }
  return problems;
}

function flagNotInStage(path: string, flag: string, stage: string): Problem {
  return problem(
    path,
    'machine.flagNotInStage',
    `Stage "${stage}" does not carry the flag "${flag}"; declare it under the stage's "flags".`,
    `阶段“${stage}”没有标记“${flag}”，请先在该阶段的“flags”中声明。`,
  );
}

/**
 * A flag means something only in a stage that carries it: `whenFlags` reads the source stage's flags, `setFlags`
 * writes the flags of the stage the record ends up in (the target, or the source for a transition that stays).
 */
function flagProblems(definition: MachineDefinition): Problem[] {
  const declared = (stage: string): StageFlags => definition.states[stage]?.flags ?? {};
  const problems: Problem[] = [];
  for (const { path, source, transition } of transitionsOf(definition)) {
    for (const flag of Object.keys(transition.whenFlags ?? {})) {
      if (!Object.hasOwn(declared(source), flag)) {
        problems.push(flagNotInStage(pointer(path, 'whenFlags', flag), flag, source));
      }
    }
    const landing = transition.target ?? source;
    if (!Object.hasOwn(definition.states, landing)) continue;
    transition.actions?.forEach((effect, i) => {
      if (effect.type !== 'setFlags') return;
      for (const flag of Object.keys(effect.params.flags)) {
        if (!Object.hasOwn(declared(landing), flag)) {
          problems.push(flagNotInStage(pointer(path, 'actions', i, 'params', 'flags', flag), flag, landing));
        }
      }
    });
  }
  for (const [key, state] of Object.entries(definition.states)) {
    for (const part of ['entry', 'exit'] as const) {
      state[part]?.forEach((effect, i) => {
        if (effect.type !== 'setFlags') return;
        for (const flag of Object.keys(effect.params.flags)) {
          if (!Object.hasOwn(declared(key), flag)) {
            problems.push(flagNotInStage(pointer('/states', key, part, i, 'params', 'flags', flag), flag, key));
          }
        }
      });
    }
  }
  return problems;
}

function probabilityProblems(definition: MachineDefinition): Problem[] {
  if (definition.entity === 'opportunity') return [];
  return Object.entries(definition.states).flatMap(([key, state]) =>
    state.probability === undefined
      ? []
      : [
          problem(
            pointer('/states', key, 'probability'),
            'machine.probabilityOutsideOpportunity',
            'Only opportunity stages have a win probability.',
            '只有商机阶段才有赢单概率。',
          ),
        ],
  );
}

/** Names the definition borrows from elsewhere: roles, stage permissions, fields, flags. */
export function machineReferenceProblems(definition: MachineDefinition, references: MachineReferences): Problem[] {
  return [
    ...roleProblems(definition, references.roles),
    ...permissionProblems(definition),
    ...fieldProblems(definition, references.fields),
    ...flagProblems(definition),
    ...probabilityProblems(definition),
  ];
}
