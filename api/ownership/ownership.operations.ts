import { pageQuerySchema } from '../customers/customer-bodies.schema.ts';
import { customerViewSchema, pageSchemaOf } from '../customers/customer-view.schema.ts';
import { defineOperation, type ApiTag } from '../http/operation.ts';
import {
  addCollaboratorBodySchema,
  claimCustomersBodySchema,
  ownershipReasonBodySchema,
  reassignCustomerBodySchema,
} from './ownership-bodies.schema.ts';
import { claimQuotaViewSchema, claimResultsViewSchema, ownershipEventViewSchema } from './ownership-view.schema.ts';

export const ownershipTag = {
  name: 'ownership',
  title: { en: 'Ownership', 'zh-CN': '客户归属' },
  description: {
    en: 'Who owns a customer: claim from the shared pool within a daily quota, release back, reassign, remove a claim, collaborators, and the history of every change.',
    'zh-CN': '客户归谁：在每日上限内从公海占有、释放回公海、重新分配、去掉占有、协同人，以及每次变更的记录。',
  },
} as const satisfies ApiTag;

const customerIdParams = {
  type: 'object',
  properties: { id: { type: 'string', description: 'the customer’s id' } },
  required: ['id'],
} as const;

const collaboratorParams = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'the customer’s id' },
    userId: { type: 'string', description: 'the collaborator’s user id' },
  },
  required: ['id', 'userId'],
} as const;

const notVisible = '`not-found`: no such customer, or not one your role may see (the answer does not tell which).';
const changed = { description: 'Done: the customer as you see it now.', body: customerViewSchema } as const;

export const claimCustomersOperation = defineOperation({
  operationId: 'claimCustomers',
  method: 'post',
  path: '/customers/claims',
  summary: { en: 'Claim customers from the pool', 'zh-CN': '从公海占有客户' },
  description:
    'Each customer named is judged on its own and gets an outcome; the answer is 200 whatever the outcomes. A claimed ' +
    'customer becomes your personal customer. Claims count against your role’s claimQuotaPerDay from midnight in your ' +
    'time zone; of parallel claims of one customer exactly one wins, and parallel claims by one person never exceed the quota ' +
    'nor their role’s maxOwnedCustomers. A customer pool recycling took from you is `coolingDown` until its `claimableAt`.',
  tags: [ownershipTag],
  auth: 'session',
  body: claimCustomersBodySchema,
  responses: { 200: { description: 'One outcome per customer, and your quota afterwards.', body: claimResultsViewSchema } },
});

export const releaseCustomerOperation = defineOperation({
  operationId: 'releaseCustomer',
  method: 'post',
  path: '/customers/:id/release',
  summary: { en: 'Release a customer to the pool', 'zh-CN': '释放客户到公海' },
  description: 'Its owner, a manager of the owner’s team or an administrator, with `release` in its stage. Every owner loses it.',
  tags: [ownershipTag],
  auth: 'session',
  params: customerIdParams,
  body: ownershipReasonBodySchema,
  responses: { 200: changed },
  problems: {
    403: '`forbidden`: you are neither its owner nor the owner’s manager, or your role may not release customers in its stage.',
    404: notVisible,
    409: '`in-pool`: it is in the pool already.',
  },
});

export const reassignCustomerOperation = defineOperation({
  operationId: 'reassignCustomer',
  method: 'post',
  path: '/customers/:id/reassign',
  summary: { en: 'Give a customer a new owner', 'zh-CN': '重新分配客户' },
  description:
    'Managers: their team’s customers and the pool, to a member of their team; administrators: any customer, to anyone ' +
    'active. Needs `assign` in its stage. Collaborators stay; the history keeps the previous owner.',
  tags: [ownershipTag],
  auth: { permissions: ['mayReassign'] },
  params: customerIdParams,
  body: reassignCustomerBodySchema,
  responses: { 200: changed },
  problems: {
    400: '`validation` also when `toUserId` is not an active user you may give customers to.',
    403: '`forbidden`: the owner is not in your team, or your role may not assign customers in its stage.',
    404: notVisible,
    409: '`already-owner`: that user owns it already. `capacity-reached`: that user owns as many customers as their role’s maxOwnedCustomers allows (`errors` names `/toUserId`).',
  },
});

export const removeClaimOperation = defineOperation({
  operationId: 'removeClaim',
  method: 'post',
  path: '/customers/:id/remove-claim',
  summary: { en: 'Remove the claim on a customer', 'zh-CN': '去掉客户的占有' },
  description: 'Back to the pool, decided by a manager of the owner’s team or an administrator (`assign` in its stage); its owners are told.',
  tags: [ownershipTag],
  auth: { permissions: ['mayReassign'] },
  params: customerIdParams,
  body: ownershipReasonBodySchema,
  responses: { 200: changed },
  problems: {
    403: '`forbidden`: the owner is not in your team, or your role may not assign customers in its stage.',
    404: notVisible,
    409: '`in-pool`: nobody has claimed it.',
  },
});

export const addCollaboratorOperation = defineOperation({
  operationId: 'addCollaborator',
  method: 'post',
  path: '/customers/:id/collaborators',
  summary: { en: 'Add a collaborator', 'zh-CN': '添加协同人' },
  description:
    'The primary owner, a manager of the owner’s team or an administrator, with `share` in its stage, adds an active ' +
    'user of their team (administrators: anyone). With more than one owner the customer is collaborative.',
  tags: [ownershipTag],
  auth: 'session',
  params: customerIdParams,
  body: addCollaboratorBodySchema,
  responses: { 200: changed },
  problems: {
    400: '`validation` also when `userId` is not an active user you may give customers to.',
    403: '`forbidden`: you are neither its primary owner nor the owner’s manager, or your role may not share customers in its stage.',
    404: notVisible,
    409: '`in-pool`: claim it first. `already-owner`: that user owns it already.',
  },
});

export const removeCollaboratorOperation = defineOperation({
  operationId: 'removeCollaborator',
  method: 'delete',
  path: '/customers/:id/collaborators/:userId',
  summary: { en: 'Remove a collaborator', 'zh-CN': '移除协同人' },
  description: 'Whoever may add one, or the collaborator themselves. With one owner left the customer is personal again.',
  tags: [ownershipTag],
  auth: 'session',
  params: collaboratorParams,
  responses: { 200: changed },
  problems: {
    403: '`forbidden`: you may not change its collaborators.',
    404: `${notVisible} Also when that user is not a collaborator on it.`,
    409: '`primary-owner`: that user is its primary owner; reassign or release it instead.',
  },
});

export const ownershipHistoryOperation = defineOperation({
  operationId: 'listOwnershipHistory',
  method: 'get',
  path: '/customers/:id/ownership-history',
  summary: { en: 'The customer’s ownership history', 'zh-CN': '客户的归属变更记录' },
  description: 'Every owner gained or lost, oldest first, with who did it and why.',
  tags: [ownershipTag],
  auth: 'session',
  params: customerIdParams,
  query: pageQuerySchema,
  responses: { 200: { description: 'A page of history rows.', body: pageSchemaOf('Ownership history page', ownershipEventViewSchema) } },
  problems: { 404: notVisible },
});

export const claimQuotaOperation = defineOperation({
  operationId: 'getClaimQuota',
  method: 'get',
  path: '/me/claim-quota',
  summary: { en: 'Your claim quota today', 'zh-CN': '今日占有额度' },
  description: 'How many customers you may still claim from the pool today, counted from midnight in your time zone.',
  tags: [ownershipTag],
  auth: 'session',
  responses: { 200: { description: 'Your quota.', body: claimQuotaViewSchema } },
});
