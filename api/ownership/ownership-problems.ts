import { problem } from '../../engine/validation/problem.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import { forbidden } from '../auth/auth-problems.ts';
import { HttpProblem, notFound, validationFailed } from '../http/http-problem.ts';

/** The caller sees the customer but stands in no relation that lets them change its owners. */
export function notOwnerOrManager(what: LocalizedText): HttpProblem {
  return forbidden({
    en: `Only the customer’s owner, a manager of the owner’s team or an administrator may ${what.en}.`,
    'zh-CN': `只有客户的负责人、负责人所在团队的经理或管理员可以${what['zh-CN']}。`,
  });
}

export function customerInPool(): HttpProblem {
  return new HttpProblem(
    409,
    'in-pool',
    { en: 'Customer is in the pool', 'zh-CN': '客户在公海中' },
    {
      en: 'This customer is in the shared pool and has no owner; claim or assign it first.',
      'zh-CN': '该客户在公海中，没有负责人；请先占有或分配该客户。',
    },
  );
}

export function alreadyOwner(userId: number): HttpProblem {
  return new HttpProblem(
    409,
    'already-owner',
    { en: 'Already an owner', 'zh-CN': '已是负责人' },
    { en: `User ${userId} already owns this customer.`, 'zh-CN': `用户 ${userId} 已经是该客户的负责人。` },
  );
}

export function primaryOwnerNotCollaborator(userId: number): HttpProblem {
  return new HttpProblem(
    409,
    'primary-owner',
    { en: 'Primary owner', 'zh-CN': '主负责人' },
    {
      en: `User ${userId} is the customer’s primary owner, not a collaborator: reassign or release the customer instead.`,
      'zh-CN': `用户 ${userId} 是该客户的主负责人而非协同人：请改为重新分配或释放该客户。`,
    },
  );
}

export function noSuchCollaborator(userId: unknown): HttpProblem {
  return notFound({
    en: `User ${String(userId)} is not a collaborator on this customer.`,
    'zh-CN': `用户 ${String(userId)} 不是该客户的协同人。`,
  });
}

/** A user named in the body who is not an active user the caller may give customers to. */
export function unknownAssignee(path: string, userId: number): HttpProblem {
  return validationFailed([
    problem(
      path,
      'ownership.unknownUser',
      `There is no active user ${userId} you may give customers to (managers: their own team; administrators: anyone).`,
      `没有您可分配客户的在职用户 ${userId}（经理：本团队成员；管理员：任何人）。`,
    ),
  ]);
}

/** The user who would own the customer already owns as many as their role's maxOwnedCustomers allows. */
export function capacityReached(path: string, userId: number, limit: number): HttpProblem {
  return new HttpProblem(
    409,
    'capacity-reached',
    { en: 'Owner at capacity', 'zh-CN': '负责人客户数已满' },
    {
      en: `User ${userId} already owns ${limit} customers, the most their role allows; release or reassign some first.`,
      'zh-CN': `用户 ${userId} 已拥有 ${limit} 个客户，达到其角色允许的上限；请先释放或转出部分客户。`,
    },
    [
      problem(
        path,
        'ownership.capacityReached',
        `User ${userId} may own at most ${limit} customers.`,
        `用户 ${userId} 最多可拥有 ${limit} 个客户。`,
      ),
    ],
  );
}
