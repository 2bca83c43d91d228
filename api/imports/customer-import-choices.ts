import type { EntityManager } from '@mikro-orm/postgresql';
import { pointer, problem, type Problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { forbidden } from '../auth/auth-problems.ts';
import { customerAccessOf } from '../customers/customer-access.ts';
import { customerColumnFields } from '../customers/customer-document.ts';
import { fieldsNotWritable, stageForbids } from '../customers/customer-problems.ts';
import { holdsStagePermission } from '../customers/customer-stage.ts';
import type { Ownership } from '../customers/customer.entity.ts';
import type { RecordDefinitions } from '../customers/published-definitions.ts';
import { writeDeniedProblems } from '../customers/record-field-access.ts';
import { validationFailed } from '../http/http-problem.ts';
import { assignableUser } from '../ownership/ownership-standing.ts';
import { unknownAssignee } from '../ownership/ownership-problems.ts';
import type { ImportChoicesBody } from './customer-import-bodies.schema.ts';
import { customTargetPrefix, isImportTarget } from './import-columns.ts';

/** Choices checked against the file, the definitions and the importer's rights: ready to be stored and run. */
export interface CheckedChoices {
  body: ImportChoicesBody;
  stage: string;
  owner: { ownership: Ownership; ownerId: number | null; teamId: number | null };
}

/** The stages the importer may put customers in: not final, and their role may edit there. */
export function importableStages(definitions: RecordDefinitions, roleKey: string): Set<string> {
  const machine = definitions.machine.document;
  return new Set(Object.keys(machine.states).filter((stage) => machine.states[stage]?.type !== 'final' && holdsStagePermission(machine, stage, roleKey, 'edit')));
}

function mappingProblems(body: ImportChoicesBody, headers: readonly string[], definitions: RecordDefinitions): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  body.mapping.forEach((column, index) => {
    if (!headers.includes(column.header)) {
      problems.push(problem(pointer('/mapping', index, 'header'), 'import.unknownColumn', `The file has no column "${column.header}".`, `文件中没有“${column.header}”列。`));
    }
    if (column.target === null) return;
    if (!isImportTarget(column.target, definitions.fields)) {
      problems.push(
        problem(pointer('/mapping', index, 'target'), 'import.unknownTarget', `"${column.target}" is not a customer field a column can fill.`, `“${column.target}”不是可导入的客户字段。`),
      );
      return;
    }
    const earlier = seen.get(column.target);
    if (earlier !== undefined) {
      problems.push(
        problem(pointer('/mapping', index, 'target'), 'import.targetTwice', `Column ${earlier + 1} already goes to "${column.target}".`, `第 ${earlier + 1} 列已映射到“${column.target}”。`),
      );
    }
    seen.set(column.target, index);
  });
  if (!seen.has('name')) {
    problems.push(problem('/mapping', 'import.nameUnmapped', 'Map one column to the customer name.', '请将一列映射到客户名称。'));
  }
  return problems;
}

/** 403 for a mapped field the importer's role may not write, each at its mapping path. */
function assertMappedFieldsWritable(body: ImportChoicesBody, importer: SignedIn, definitions: RecordDefinitions): void {
  const access = customerAccessOf(importer.role, definitions.fields);
  const pathOf = new Map<string, string>();
  const columns: string[] = [];
  const custom: string[] = [];
  body.mapping.forEach((column, index) => {
    const target = column.target;
    if (target === null) return;
    if (target.startsWith(customTargetPrefix)) {
      custom.push(target.slice(customTargetPrefix.length));
      pathOf.set(`/customFields/${target.slice(customTargetPrefix.length)}`, pointer('/mapping', index, 'target'));
    } else if (customerColumnFields.some((field) => field.key === target && field.writable)) {
      columns.push(target);
      pathOf.set(`/${target}`, pointer('/mapping', index, 'target'));
    }
  });
  const denied = writeDeniedProblems(access, importer.role, { columns: customerColumnFields, fields: definitions.fields }, { columns, custom, customBase: '/customFields' });
  if (denied.length > 0) throw fieldsNotWritable(denied.map((denial) => ({ ...denial, path: pathOf.get(denial.path) ?? denial.path })));
}

/**
 * Checks a dry run's or an import's choices: the mapping against the file's headers and the customer fields (400,
 * each at its path), fields the role may not write (403), the stage (400 unknown, 403 when the role may not edit
 * there), and the owner — someone else only with `mayReassign`, and only a user the importer may give customers to.
 */
export async function checkImportChoices(
  em: EntityManager,
  importer: SignedIn,
  body: ImportChoicesBody,
  headers: readonly string[],
  definitions: RecordDefinitions,
): Promise<CheckedChoices> {
  const machine = definitions.machine.document;
  const problems = mappingProblems(body, headers, definitions);
  const stage = body.stage ?? machine.initial;
  const state = machine.states[stage];
  if (state === undefined || state.type === 'final') {
    const stages = Object.keys(machine.states).filter((key) => machine.states[key]?.type !== 'final');
    problems.push(problem('/stage', 'customer.unknownStage', `Must be one of: ${stages.join(', ')}.`, `必须是以下阶段之一：${stages.join('、')}。`));
  }
  if (body.owner.kind === 'user' && body.owner.userId === undefined) {
    problems.push(problem('/owner/userId', 'import.ownerMissing', 'Name the user who will own the customers.', '请指定客户的负责人。'));
  }
  if (problems.length > 0) throw validationFailed(problems);
  assertMappedFieldsWritable(body, importer, definitions);
  if (!holdsStagePermission(machine, stage, importer.role.key, 'edit')) {
    throw stageForbids({ en: 'import customers', 'zh-CN': '导入客户' }, state!.label, importer.role.labels, '/stage');
  }

  if (body.owner.kind === 'pool') return { body, stage, owner: { ownership: 'pool', ownerId: null, teamId: null } };
  if (body.owner.kind === 'self' || body.owner.userId === importer.user.id) {
    return { body, stage, owner: { ownership: 'personal', ownerId: importer.user.id, teamId: importer.user.teamId } };
  }
  if (!importer.role.permissions.mayReassign) {
    throw forbidden({
      en: `Your role (${importer.role.labels.en}) may import customers for yourself or into the shared pool, not for someone else.`,
      'zh-CN': `您的角色（${importer.role.labels['zh-CN']}）只能把客户导入给自己或公海，不能导入给他人。`,
    });
  }
  const user = await assignableUser(em, importer, body.owner.userId!);
  if (user === undefined) throw unknownAssignee('/owner/userId', body.owner.userId!);
  return { body, stage, owner: { ownership: 'personal', ownerId: user.id, teamId: user.teamId } };
}
