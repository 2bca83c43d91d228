import { problem, type Problem } from '../../engine/validation/problem.ts';
import { HttpProblem } from '../http/http-problem.ts';

export function noSuchLead(id: number | string): HttpProblem {
  return new HttpProblem(
    404,
    'not-found',
    { en: 'No such lead', 'zh-CN': '线索不存在' },
    { en: `There is no lead ${id}, or it is not one your role may see.`, 'zh-CN': `线索 ${id} 不存在，或您的角色无权查看。` },
  );
}

/** What a duplicate names: which lead or customer, only when the caller may see it. */
export interface DuplicateFound {
  entity: 'lead' | 'customer';
  id: number;
  visible: boolean;
  phone: boolean;
}

export class DuplicateLeadProblem extends HttpProblem {
  readonly existing: { entity: string; id: number } | undefined;
  /** The record it duplicates, named or not: for the server's own use (a web form links to it), never rendered. */
  readonly found: DuplicateFound;

  constructor(problems: Problem[], found: DuplicateFound) {
    const what = found.entity === 'lead' ? { en: 'lead', 'zh-CN': '线索' } : { en: 'customer', 'zh-CN': '客户' };
    super(
      409,
      'duplicate',
      { en: 'Duplicate lead', 'zh-CN': '线索重复' },
      found.visible
        ? { en: `This person is already a ${what.en} (#${found.id}); the first one entered is kept.`, 'zh-CN': `此人已是${what['zh-CN']}（#${found.id}），以先录入的为准。` }
        : {
            en: `This person is already a ${what.en} entered by someone else; it is not one you can see. Ask your manager.`,
            'zh-CN': `此人已是他人录入的${what['zh-CN']}，您无权查看。请联系销售经理。`,
          },
      problems,
    );
    this.existing = found.visible ? { entity: found.entity, id: found.id } : undefined;
    this.found = found;
  }

  override toDocument(...args: Parameters<HttpProblem['toDocument']>) {
    const document = super.toDocument(...args);
    return this.existing === undefined ? document : Object.assign(document, { existing: this.existing });
  }
}

export function duplicateLead(found: DuplicateFound): HttpProblem {
  const problems = found.phone
    ? [problem('/phone', 'lead.duplicatePhone', `A ${found.entity} has this phone number.`, found.entity === 'lead' ? '已有线索使用此电话号码。' : '已有客户使用此电话号码。')]
    : [problem('/email', 'lead.duplicateEmail', 'A lead has this email address.', '已有线索使用此邮箱。')];
  return new DuplicateLeadProblem(problems, found);
}

/** The mapping would create a customer, contact or opportunity its own rules refuse: each problem names the field. */
export function conversionRefused(problems: Problem[]): HttpProblem {
  return new HttpProblem(
    409,
    'conversion-refused',
    { en: 'Conversion refused', 'zh-CN': '无法转化' },
    {
      en: 'The conversion mapping would leave required fields empty or break a rule; nothing was created. Fill in the lead (or pass the values) and try again.',
      'zh-CN': '按转化映射生成的记录缺少必填字段或违反规则，未创建任何记录。请补全线索（或传入取值）后重试。',
    },
    problems,
  );
}

export function noLeadMachine(): HttpProblem {
  return new HttpProblem(
    503,
    'definitions-missing',
    { en: 'Not set up yet', 'zh-CN': '尚未配置' },
    { en: 'No lead routing policy is published yet.', 'zh-CN': '尚未发布线索分配策略。' },
  );
}
