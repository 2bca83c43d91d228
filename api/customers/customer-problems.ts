import type { FieldAccess } from '../../definitions/field-definitions.schema.ts';
import type { LocalizedText, Problem } from '../../engine/validation/problem.ts';
import { problem } from '../../engine/validation/problem.ts';
import { forbidden } from '../auth/auth-problems.ts';
import { HttpProblem, notFound } from '../http/http-problem.ts';

export function noSuchCustomer(id: unknown): HttpProblem {
  return notFound({
    en: `There is no customer ${String(id)} that you may see.`,
    'zh-CN': `没有您可查看的编号为 ${String(id)} 的客户。`,
  });
}

export function noSuchDeletedCustomer(id: unknown): HttpProblem {
  return notFound({
    en: `There is no customer ${String(id)} in the recycle bin that you may see.`,
    'zh-CN': `回收站中没有您可查看的编号为 ${String(id)} 的客户。`,
  });
}

const accessWords: Record<FieldAccess, LocalizedText> = {
  hidden: { en: 'hidden from', 'zh-CN': '不可见' },
  masked: { en: 'masked for', 'zh-CN': '仅可见部分内容' },
  read: { en: 'read-only for', 'zh-CN': '只读' },
  write: { en: 'writable for', 'zh-CN': '可写' },
};

/** One problem per field the role may not write, at the field's request path. */
export function fieldNotWritable(path: string, label: LocalizedText, access: FieldAccess, role: LocalizedText): Problem {
  return problem(
    path,
    'field.notWritable',
    `"${label.en}" is ${accessWords[access].en} your role (${role.en}); you may not change it.`,
    `“${label['zh-CN']}”对您的角色（${role['zh-CN']}）${accessWords[access]['zh-CN']}，无权修改。`,
  );
}

export function fieldsNotWritable(problems: readonly Problem[]): HttpProblem {
  return new HttpProblem(
    403,
    'forbidden',
    { en: 'Not allowed', 'zh-CN': '无权操作' },
    {
      en: `Your role may not change ${problems.length} of the fields sent; each is named with the reason.`,
      'zh-CN': `您的角色无权修改所提交的 ${problems.length} 个字段，每个字段都列出了原因。`,
    },
    problems,
  );
}

/** The stage's permission table does not give the role this right. */
export function stageForbids(what: LocalizedText, stage: LocalizedText, role: LocalizedText, path?: string): HttpProblem {
  const reason = {
    en: `In the stage “${stage.en}” your role (${role.en}) may not ${what.en}.`,
    'zh-CN': `在“${stage['zh-CN']}”阶段，您的角色（${role['zh-CN']}）无权${what['zh-CN']}。`,
  };
  if (path === undefined) return forbidden(reason);
  return new HttpProblem(403, 'forbidden', { en: 'Not allowed', 'zh-CN': '无权操作' }, reason, [
    problem(path, 'stage.permissionDenied', reason.en, reason['zh-CN']),
  ]);
}

/** The stage lets only some fields change. */
export function stageFieldsLocked(paths: readonly string[], stage: LocalizedText, editable: readonly string[]): HttpProblem {
  const list = editable.join(', ');
  return new HttpProblem(
    403,
    'forbidden',
    { en: 'Not allowed', 'zh-CN': '无权操作' },
    {
      en: `In the stage “${stage.en}” only these fields may change: ${list}.`,
      'zh-CN': `在“${stage['zh-CN']}”阶段只能修改以下字段：${list}。`,
    },
    paths.map((path) =>
      problem(path, 'stage.fieldLocked', `Not editable in the stage “${stage.en}”.`, `在“${stage['zh-CN']}”阶段不可修改。`),
    ),
  );
}

export function sharedCustomerReadOnly(role: LocalizedText): HttpProblem {
  return forbidden({
    en: `This customer is in the shared pool, and your role (${role.en}) may not edit shared customers. Claim it first.`,
    'zh-CN': `该客户在公海中，您的角色（${role['zh-CN']}）无权编辑共享客户。请先占有该客户。`,
  });
}
