import type { Condition } from '../../definitions/condition.schema.ts';
import type { StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import { systemRole } from '../../definitions/machine.schema.ts';
import type { LocalizedText, Problem } from '../validation/problem.ts';
import type { CompiledGuard } from './compile-guard.ts';
import type { FactRow, TransitionContext } from './machine-snapshot.ts';
import {
  flagsMismatch,
  guardFailed,
  permissionDenied,
  requiredFieldMissing,
  roleNotAllowed,
} from './refusal-reasons.ts';
import type { CheckOutcome, TransitionCheck, TransitionKind } from './transition-trace.ts';

/** One transition of a definition with everything its checks need worked out once, at compile time. */
export interface CompiledTransition {
  pointer: string;
  kind: TransitionKind;
  event: string;
  source: string;
  sourceLabel: LocalizedText;
  target: string | undefined;
  label: LocalizedText;
  roles: readonly string[] | undefined;
  permission: string | undefined;
  /** role → permissions the role holds in the source stage. */
  stagePermissions: ReadonlyMap<string, ReadonlySet<string>>;
  requiredFields: readonly string[];
  whenFlags: StageFlags | undefined;
  condition: Condition | undefined;
  guard: CompiledGuard | undefined;
}

function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Built-in columns sit on the row, custom fields under `custom_fields`; a required field may be either. */
function fieldValue(facts: FactRow, key: string): unknown {
  const column = facts[key];
  if (column !== undefined) return column;
  const custom = facts['custom_fields'];
  return typeof custom === 'object' && custom !== null ? (custom as Record<string, unknown>)[key] : undefined;
}

function roleOutcome(t: CompiledTransition, actorRoles: readonly string[]): CheckOutcome | undefined {
  if (t.roles === undefined) return undefined;
  const passed = actorRoles.some((role) => t.roles?.includes(role));
  return { check: 'role', passed, allowedRoles: [...t.roles], actorRoles: [...actorRoles] };
}

function permissionOutcome(t: CompiledTransition, actorRoles: readonly string[]): CheckOutcome | undefined {
  if (t.permission === undefined) return undefined;
  const permission = t.permission;
  const grantedBy =
    actorRoles.find((role) => role === systemRole || t.stagePermissions.get(role)?.has(permission) === true) ?? null;
  return { check: 'permission', passed: grantedBy !== null, permission, stage: t.source, grantedBy };
}

function flagsOutcome(t: CompiledTransition, flags: StageFlags): CheckOutcome | undefined {
  if (t.whenFlags === undefined) return undefined;
  const expected = t.whenFlags;
  const keys = Object.keys(expected) as Array<keyof StageFlags>;
  const passed = keys.every((key) => flags[key] === expected[key]);
  const actual = Object.fromEntries(keys.map((key) => [key, flags[key] ?? null])) as StageFlags;
  return { check: 'flags', passed, expected, actual };
}

function requiredFieldsOutcome(t: CompiledTransition, facts: FactRow): CheckOutcome | undefined {
  if (t.requiredFields.length === 0) return undefined;
  const missing = t.requiredFields.filter((key) => isEmptyValue(fieldValue(facts, key)));
  return { check: 'requiredFields', passed: missing.length === 0, required: [...t.requiredFields], missing };
}

function guardOutcome(t: CompiledTransition, context: TransitionContext): CheckOutcome | undefined {
  if (t.guard === undefined || t.condition === undefined) return undefined;
  const { result, trace } = t.guard(context.facts, { now: context.now, timeZone: context.timeZone });
  return { check: 'guard', passed: result, condition: t.condition, trace };
}

function refusalOf(t: CompiledTransition, failed: CheckOutcome): Problem {
  switch (failed.check) {
    case 'role':
      return roleNotAllowed(t.pointer, t.label, failed.allowedRoles);
    case 'permission':
      return permissionDenied(t.pointer, t.label, failed.permission, t.sourceLabel);
    case 'flags':
      return flagsMismatch(t.pointer, t.label, failed.expected);
    case 'requiredFields':
      return requiredFieldMissing(t.pointer, t.label, failed.missing);
    case 'guard':
      return guardFailed(t.pointer, t.label);
  }
}

/**
 * Whether the actor may take the transition now, with every check's outcome. All checks run (not just up to the
 * first failure) so the UI can say everything that stands in the way at once — a missing role and two empty
 * fields — rather than one thing per click. Automatic transitions have no roles, permission or required fields.
 */
export function checkTransition(t: CompiledTransition, flags: StageFlags, context: TransitionContext): TransitionCheck {
  const actorRoles = context.actor.roles;
  const checks: CheckOutcome[] = [];
  for (const outcome of [
    roleOutcome(t, actorRoles),
    permissionOutcome(t, actorRoles),
    flagsOutcome(t, flags),
    requiredFieldsOutcome(t, context.facts),
    guardOutcome(t, context),
  ]) {
    if (outcome !== undefined) checks.push(outcome);
  }
  const failed = checks.find((outcome) => !outcome.passed);
  const check: TransitionCheck = {
    transition: t.pointer,
    kind: t.kind,
    event: t.event,
    source: t.source,
    label: t.label,
    allowed: failed === undefined,
    checks,
  };
  if (t.target !== undefined) check.target = t.target;
  if (failed !== undefined) check.refusal = refusalOf(t, failed);
  return check;
}
