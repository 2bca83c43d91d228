import type { StageFlags } from '../../definitions/effect-catalogue.schema.ts';
import { problem, type LocalizedText, type Problem } from '../validation/problem.ts';

/**
 * Why a transition or an event was refused, in both UI languages. `path` points at the transition (or the stage)
 * in the definition, so the designer can highlight it. Codes are stable: the API and the UI switch on them.
 */
export const refusalCodes = [
  'roleNotAllowed',
  'permissionDenied',
  'flagsMismatch',
  'requiredFieldMissing',
  'guardFailed',
  'eventNotAccepted',
  'timerNotDue',
  'machineDone',
  'snapshotMismatch',
  'unknownState',
] as const;

export type RefusalCode = (typeof refusalCodes)[number];

export function roleNotAllowed(path: string, label: LocalizedText, roles: readonly string[]): Problem {
  return problem(
    path,
    'roleNotAllowed',
    `Only ${roles.join(' or ')} may take “${label.en}”.`,
    `只有${roles.join('或')}可以执行“${label['zh-CN']}”。`,
  );
}

export function permissionDenied(
  path: string,
  label: LocalizedText,
  permission: string,
  stage: LocalizedText,
): Problem {
  return problem(
    path,
    'permissionDenied',
    `“${label.en}” needs the ${permission} permission in stage “${stage.en}”, which none of your roles has.`,
    `“${label['zh-CN']}”需要在“${stage['zh-CN']}”阶段拥有 ${permission} 权限，您的角色都没有该权限。`,
  );
}

export function flagsMismatch(path: string, label: LocalizedText, expected: StageFlags): Problem {
  const shown = Object.entries(expected)
    .map(([flag, value]) => `${flag} = ${String(value)}`)
    .join(', ');
  return problem(
    path,
    'flagsMismatch',
    `“${label.en}” is only possible while ${shown}.`,
    `只有在 ${shown} 时才能执行“${label['zh-CN']}”。`,
  );
}

export function requiredFieldMissing(path: string, label: LocalizedText, missing: readonly string[]): Problem {
  return problem(
    path,
    'requiredFieldMissing',
    `Fill in ${missing.join(', ')} before “${label.en}”.`,
    `执行“${label['zh-CN']}”前请先填写：${missing.join('、')}。`,
  );
}

export function guardFailed(path: string, label: LocalizedText): Problem {
  return problem(
    path,
    'guardFailed',
    `The conditions of “${label.en}” are not met.`,
    `“${label['zh-CN']}”的条件不满足。`,
  );
}

export function eventNotAccepted(path: string, event: string, stage: LocalizedText): Problem {
  return problem(
    path,
    'eventNotAccepted',
    `${event} does nothing in stage “${stage.en}”.`,
    `在“${stage['zh-CN']}”阶段不能处理 ${event}。`,
  );
}

export function timerNotDue(path: string, dueAt: string): Problem {
  return problem(path, 'timerNotDue', `This timer is not due before ${dueAt}.`, `该定时器要到 ${dueAt} 才到期。`);
}

export function machineDone(path: string, stage: LocalizedText): Problem {
  return problem(
    path,
    'machineDone',
    `The record has reached its final stage “${stage.en}”.`,
    `该记录已处于最终阶段“${stage['zh-CN']}”。`,
  );
}

export function snapshotMismatch(expected: string, found: string): Problem {
  return problem(
    '',
    'snapshotMismatch',
    `The record runs on ${found}, not on ${expected}; migrate it first.`,
    `该记录运行在 ${found} 上，而不是 ${expected}，请先迁移。`,
  );
}

export function unknownState(value: string): Problem {
  return problem('/states', 'unknownState', `The definition has no stage "${value}".`, `定义中没有阶段“${value}”。`);
}
