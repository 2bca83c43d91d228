import type { InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StagePermission } from '../../definitions/machine.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CustomerRow } from '../customers/customer-document.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { requireStagePermission } from '../customers/customer-stage.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { CustomerOwner } from '../customers/customer-owner.entity.ts';
import { recordDefinitions, type RecordDefinitions } from '../customers/published-definitions.ts';
import { customerInPool, notOwnerOrManager } from './ownership-problems.ts';
import { ownershipStandingOf } from './ownership-standing.ts';

/**
 * The live customer with its row lock held to the end of the command, if the caller may see it; otherwise 404, the
 * same as for an id nobody has. Every single-customer ownership command starts here, so two of them on one customer
 * take turns, and each sees the other's result.
 */
export async function lockedVisibleCustomer(em: EntityManager, caller: SignedIn, id: number): Promise<CustomerRow> {
  const customer = await visibleCustomer(em, customerScopeOf(caller), id, 'live', true);
  if (customer === undefined) throw noSuchCustomer(id);
  return customer;
}

/** The definitions the customer runs on, after checking that its stage gives the caller's role `permission`. */
export async function permittedCustomerDefinitions(
  em: EntityManager,
  caller: SignedIn,
  customer: CustomerRow,
  permission: StagePermission,
  what: LocalizedText,
): Promise<RecordDefinitions> {
  const definitions = await recordDefinitions(em, 'customer', { key: customer.definitionKey, version: customer.definitionVersion });
  requireStagePermission(definitions.machine.document, customer.stage, caller.role, permission, what);
  return definitions;
}

export interface OwnedCustomer {
  customer: CustomerRow;
  definitions: RecordDefinitions;
  /** Its owners, the primary first. */
  owners: Array<InferEntity<typeof CustomerOwner>>;
}

/**
 * The start of a command that changes who owns a customer out of the pool (release, remove a claim, share): the
 * customer locked, the caller its primary owner, a manager of the owner's team or an administrator, and `permission`
 * in its stage for the caller's role.
 */
export async function lockOwnedCustomerFor(
  em: EntityManager,
  caller: SignedIn,
  id: number,
  permission: StagePermission,
  what: LocalizedText,
): Promise<OwnedCustomer> {
  const customer = await lockedVisibleCustomer(em, caller, id);
  if (customer.ownership === 'pool') throw customerInPool();
  const standing = await ownershipStandingOf(em, caller, customer);
  if (standing !== 'admin' && standing !== 'teamManager' && standing !== 'primaryOwner') throw notOwnerOrManager(what);
  const definitions = await permittedCustomerDefinitions(em, caller, customer, permission, what);
  const owners = await em.find(CustomerOwner, { customerId: id }, { orderBy: { role: 'desc', since: 'asc' } });
  return { customer, definitions, owners };
}
